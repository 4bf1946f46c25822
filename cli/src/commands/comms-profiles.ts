import { readFile } from 'node:fs/promises';
import { type Command, InvalidArgumentError } from 'commander';
import {
  checkProfile,
  findProfile,
  listProfiles,
  registerProfile,
} from '../../../server/src/modules/comms-data/use-cases/provider-profiles';
import { AppError } from '../../../server/src/platform/errors';
import { output, withComms } from './comms-shared';

/** A profile definition read from a JSON file; a file that is not JSON is named with the reason. */
async function readDefinition(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new AppError(
      'VALIDATION_FAILED',
      `Cannot read profile file ${path}: ${error.code ?? error.message}.`,
    );
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', `Profile file ${path} is not JSON: ${(error as Error).message}.`);
  }
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new InvalidArgumentError('an integer from 1 to 1000');
  return n;
}

/** `lantern comms profiles …`: list, show, register and try provider profiles (ADR 0009). */
export function registerCommsProfileCommands(comms: Command): void {
  const profiles = comms
    .command('profiles')
    .description('Provider profiles: how a provider layout maps onto records (shipped and registered)');

  profiles
    .command('list')
    .description('List the shipped and registered profiles')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      await withComms(async (s) => {
        const items = await listProfiles(s.db);
        output(o.json, items, () =>
          items.map((p) => ({ id: p.id, source: p.source, format: p.format, description: p.description })),
        );
      });
    });

  profiles
    .command('show')
    .description('Print a profile as JSON (a starting point for a new layout: change the id, then add it)')
    .argument('<id>', 'profile id')
    .action(async (id: string) => {
      await withComms(async (s) => {
        const found = await findProfile(s.db, id);
        if (!found) throw new AppError('NOT_FOUND', `No provider profile '${id}'.`);
        process.stdout.write(`${JSON.stringify(found.definition, null, 2)}\n`);
      });
    });

  profiles
    .command('add')
    .description(
      'Register a profile from a JSON file (profiles never change once added: a fix gets a new id)',
    )
    .argument('<file>', 'profile definition (JSON)')
    .action(async (file: string) => {
      const definition = await readDefinition(file);
      await withComms(async (s) => {
        const view = await s.db.transaction((tx) =>
          registerProfile(tx, s.clock, definition, { actorId: null }),
        );
        process.stdout.write(`Registered provider profile '${view.id}' (${view.format}).\n`);
      });
    });

  profiles
    .command('check')
    .description('Try a profile on the first records of a file: what would be stored, what rejected')
    .requiredOption('--profile <id|file.json>', 'a profile id, or a draft definition in a JSON file')
    .option('--limit <n>', 'records to try (1-1000)', positiveInt, 20)
    .option('--json', 'print JSON')
    .argument('<file>', 'a CSV (optionally .gz) or Parquet file')
    .action(async (file: string, o: { profile: string; limit: number; json?: boolean }) => {
      const profile = o.profile.toLowerCase().endsWith('.json') ? await readDefinition(o.profile) : o.profile;
      await withComms(async (s) => {
        const preview = await checkProfile(s, { profile, file, limit: o.limit, actorId: null });
        if (o.json) {
          process.stdout.write(`${JSON.stringify(preview, null, 2)}\n`);
          return;
        }
        const { read, loaded, duplicates, rejected } = preview.sample;
        process.stdout.write(
          `First ${read} records: ${loaded} would load, ${duplicates} duplicates, ${rejected} rejected.\n`,
        );
        output(false, preview.events, () =>
          preview.events.map((e) => ({
            line: e.sourceLine,
            type: e.type,
            a: e.a,
            b: e.b,
            start: e.start.toISOString(),
            duration_s: e.durationS,
            cell: e.cellId,
          })),
        );
        if (preview.rejects.length > 0) {
          process.stdout.write('Rejected:\n');
          output(false, preview.rejects, () =>
            preview.rejects.map((r) => ({ line: r.line, reason: r.reason, raw: r.raw })),
          );
        }
      });
    });
}
