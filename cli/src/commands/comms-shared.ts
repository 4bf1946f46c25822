import { InvalidArgumentError } from 'commander';
import type { z } from 'zod';
import { type DatasetView, datasetPage, datasetView } from '#shared/contracts/comms';
import type { ApiClient } from '../api/client';
import { CliError } from '../api/cli-error';
import { allPages } from './list-output';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The dataset a command names, among those the user can see: by id, or by name. Names are unique
 * only among what one user can see, so a name several visible datasets share is refused with their
 * ids, never guessed.
 */
export async function findDataset(client: ApiClient, ref: string): Promise<DatasetView> {
  if (UUID.test(ref)) {
    try {
      return await client.get(`/api/comms/datasets/${ref.toLowerCase()}`, datasetView);
    } catch (error) {
      if (!(error instanceof CliError && error.code === 'NOT_FOUND')) throw error;
    }
  }
  const named = (await allPages(client, '/api/comms/datasets', datasetPage, { q: ref })).filter(
    (d) => d.name === ref,
  );
  if (named.length === 1) return named[0]!;
  if (named.length > 1)
    throw new CliError(
      'CONFLICT',
      `${named.length} datasets are named '${ref}': give the id of the one you mean (${named
        .map((d) => `${d.id}, created ${d.createdAt}`)
        .join('; ')}).`,
    );
  throw new CliError(
    'NOT_FOUND',
    `No dataset named '${ref}' (\`lantern comms datasets list\` lists them). Create it with: lantern comms datasets add --name '${ref}' --provider … --authorisation … --from … --to …`,
  );
}

/** Checks a request against its contract before it is sent (the server checks it again). */
export function checked<S extends z.ZodType>(
  schema: S,
  value: unknown,
  flags: Record<string, string> = {},
): void {
  const parsed = schema.safeParse(value);
  if (parsed.success) return;
  const fields = parsed.error.issues.map((i) => {
    const path = i.path.join('.');
    return { path: flags[path] ?? path, message: i.message };
  });
  throw new CliError('VALIDATION_FAILED', fields.map((f) => `${f.path}: ${f.message}`).join('; '), {
    fields,
  });
}

/** How every command names its dataset (names repeat across compartments; an id never does). */
export const DATASET_OPTION = ['--dataset <name-or-id>', 'dataset name (or id, when names repeat)'] as const;

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
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
