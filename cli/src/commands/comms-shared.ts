import { systemClock } from '../../../server/src/platform/clock';
import { type CommsServices, openCommsServices } from '../../../server/src/modules/comms-data/comms-services';
import { completeDestructions } from '../../../server/src/modules/comms-data/use-cases/destroy-dataset';
import { recoverInterruptedImports } from '../../../server/src/modules/comms-data/use-cases/recover-interrupted-imports';
import { printTable } from '../output';
import { withRuntime } from '../runtime';

/** Runs `work` with the comms services open on the configured database and data directory. */
export function withComms<T>(work: (services: CommsServices) => Promise<T>): Promise<T> {
  return withRuntime(async (runtime, config) => {
    const services = openCommsServices(runtime.database, systemClock, config.dataDir);
    try {
      await recoverInterruptedImports(services);
      await completeDestructions(services);
      return await work(services);
    } finally {
      await services.close();
    }
  });
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

type Cell = string | number | boolean | null | undefined;

/** JSON with --json, else a table of `rows` (nested values flattened to text). */
export function output(json: boolean | undefined, result: unknown, rows: () => Record<string, Cell>[]): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  printTable(
    rows().map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          v === null || v === undefined ? '' : typeof v === 'boolean' ? String(v) : v,
        ]),
      ),
    ),
  );
}
