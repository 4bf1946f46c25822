import { InvalidArgumentError } from 'commander';
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

/** How every command names its dataset (names repeat across compartments; an id never does). */
export const DATASET_OPTION = ['--dataset <name-or-id>', 'dataset name (or id, when names repeat)'] as const;

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

const grouped = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const significant = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 4 });

/** A count for people (tables and summaries): thousands separated. JSON keeps the exact number. */
export function count(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : grouped.format(n);
}

/** Days (or any measure people read to a tenth): one decimal. */
export function tenths(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : oneDecimal.format(n);
}

/** A score: whole numbers as counts, others to four significant digits. */
export function score(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  return Number.isInteger(n) ? grouped.format(n) : significant.format(n);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function parseInstant(value: string, endOfDay: boolean): string {
  if (DATE_ONLY.test(value)) {
    const day = Date.parse(`${value}T00:00:00.000Z`);
    if (Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== value)
      throw new InvalidArgumentError(`not a date: "${value}"`);
    return new Date(endOfDay ? day + 86_400_000 - 1 : day).toISOString();
  }
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new InvalidArgumentError(`not a date: "${value}"`);
  return new Date(t).toISOString();
}

/** The start of a period: a date alone (2024-03-01) is the start of that day, UTC; a time is kept. */
export function periodStart(value: string): string {
  return parseInstant(value, false);
}

/**
 * The end of a period, inclusive: a date alone (2024-03-31) is the end of that day
 * (23:59:59.999 UTC), so the day's records are in it; a date with a time is kept as given.
 */
export function periodEnd(value: string): string {
  return parseInstant(value, true);
}
