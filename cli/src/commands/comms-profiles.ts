import { open, readFile } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { createReadStream } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { profileCheckResult, profilePage, profileView } from '#shared/contracts/comms';
import { CliError } from '../api/cli-error';
import type { Api } from '../modules';
import { allPages, output } from './list-output';

/** What the server takes as a sample at most (comms-profiles.routes.ts). */
const SAMPLE_LIMIT_BYTES = 8 * 2 ** 20;
/** What is sent of a CSV: its first lines, enough for the 1000 records a check tries at most. */
const CSV_SAMPLE_BYTES = 4 * 2 ** 20;

/** A profile definition read from a JSON file; a file that is not JSON is named with the reason. */
async function readDefinition(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new CliError(
      'VALIDATION_FAILED',
      `Cannot read profile file ${path}: ${error.code ?? error.message}.`,
    );
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError('VALIDATION_FAILED', `Profile file ${path} is not JSON: ${(error as Error).message}.`);
  }
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new InvalidArgumentError('an integer from 1 to 1000');
  return n;
}

/** Up to `max` bytes of a stream. */
async function head(stream: NodeJS.ReadableStream, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= max) break;
  }
  return Buffer.concat(chunks).subarray(0, max);
}

/** Whole lines only: a record cut in half would be reported as a reject the file does not have. */
function wholeLines(bytes: Buffer, complete: boolean): Buffer {
  if (complete) return bytes;
  const end = bytes.lastIndexOf(0x0a);
  return end < 0 ? bytes : bytes.subarray(0, end + 1);
}

/**
 * The first records of a file, as the check route takes them (base64: the bytes as they are, any
 * encoding). A CSV's first lines; a gzip file's first lines decompressed; a Parquet file whole
 * (its footer is at its end).
 */
async function sampleOf(file: string): Promise<Buffer> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new CliError('VALIDATION_FAILED', `Cannot read ${file}: ${error.code ?? error.message}.`);
  });
  try {
    const { size } = await handle.stat();
    const magic = Buffer.alloc(4);
    await handle.read(magic, 0, 4, 0);
    if (magic.toString('latin1') === 'PAR1') {
      if (size > SAMPLE_LIMIT_BYTES)
        throw new CliError(
          'PAYLOAD_TOO_LARGE',
          `${file} is a Parquet file of ${size} bytes: a check takes the file whole, up to ${SAMPLE_LIMIT_BYTES} bytes (try one with fewer rows).`,
        );
      return await readFile(file);
    }
    if (magic[0] === 0x1f && magic[1] === 0x8b) {
      const text = await head(createReadStream(file).pipe(createGunzip()), CSV_SAMPLE_BYTES + 1).catch(() => {
        throw new CliError('VALIDATION_FAILED', `${file} is not a readable gzip file.`);
      });
      return wholeLines(text.subarray(0, CSV_SAMPLE_BYTES), text.length <= CSV_SAMPLE_BYTES);
    }
    const bytes = Buffer.alloc(Math.min(size, CSV_SAMPLE_BYTES));
    await handle.read(bytes, 0, bytes.length, 0);
    return wholeLines(bytes, size <= CSV_SAMPLE_BYTES);
  } finally {
    await handle.close();
  }
}

/** `lantern comms profiles …`: list, show, register and try provider profiles (ADR 0009). */
export function registerCommsProfileCommands(comms: Command, api: Api): void {
  const profiles = comms
    .command('profiles')
    .description('Provider profiles: how a provider layout maps onto records (shipped and registered)');

  profiles
    .command('list')
    .description('List the shipped and registered profiles')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const items = await allPages(await api(), '/api/comms/profiles', profilePage);
      output(o.json, items, () =>
        items.map((p) => ({ id: p.id, source: p.source, format: p.format, description: p.description })),
      );
    });

  profiles
    .command('show')
    .description('Print a profile as JSON (a starting point for a new layout: change the id, then add it)')
    .argument('<id>', 'profile id')
    .action(async (id: string) => {
      const found = await (await api())
        .get(`/api/comms/profiles/${encodeURIComponent(id)}`, profileView)
        .catch((error: unknown) => {
          if (error instanceof CliError && error.code === 'NOT_FOUND')
            throw new CliError('NOT_FOUND', `No provider profile '${id}'.`);
          throw error;
        });
      process.stdout.write(`${JSON.stringify(found.definition, null, 2)}\n`);
    });

  profiles
    .command('add')
    .description(
      'Register a profile from a JSON file (profiles never change once added: a fix gets a new id)',
    )
    .argument('<file>', 'profile definition (JSON)')
    .action(async (file: string) => {
      const definition = await readDefinition(file);
      const view = await (await api()).post('/api/comms/profiles', definition, profileView);
      process.stdout.write(`Registered provider profile '${view.id}' (${view.format}).\n`);
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
      const sample = await sampleOf(file);
      const preview = await (await api()).post(
        '/api/comms/profiles/check',
        { profile, sample: sample.toString('base64'), sampleEncoding: 'base64', limit: o.limit },
        profileCheckResult,
      );
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
          start: e.start,
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
}
