import type { Command } from 'commander';
import type { z } from 'zod';
import type { ScopeInput } from '#shared/contracts/comms';
import type { Query } from '../api/client';
import { CliError } from '../api/cli-error';
import type { Api } from '../modules';
import { checked, collect, DATASET_OPTION, findDataset, periodEnd, periodStart } from './comms-shared';
import { output } from './list-output';

/** The options, request checks and output every `lantern comms <analysis>` command shares. */

export interface Common {
  dataset: string[];
  since?: string;
  until?: string;
  minEvents?: string;
  direction?: 'out' | 'in' | 'both';
  excludeHighDegree?: boolean;
  json?: boolean;
}
export type Options = Common & Record<string, unknown>;
export type Row = Record<string, string | number | boolean | null | undefined>;

/** The scope asked for (--since/--until already parsed: a date alone is the whole of that day). */
function scopeOf(o: Common): ScopeInput {
  return {
    ...(o.since ? { from: o.since } : {}),
    ...(o.until ? { to: o.until } : {}),
    ...(o.minEvents ? { minEvents: Number(o.minEvents) } : {}),
    ...(o.direction ? { direction: o.direction } : {}),
    ...(o.excludeHighDegree ? { excludeHighDegree: true } : {}),
  };
}

/** The dates of the scope alone: what the GET analyses take in their query. */
export function datesOf(scope: ScopeInput): Query {
  return { from: scope.from, to: scope.to };
}

/**
 * One analysis request: the route under /api/comms/datasets/:id/, the request checked against its
 * contract before it is sent (defaults are the server's), and the answer's schema. A graph
 * analysis may merge further datasets in (`alsoDatasets`); the others take one.
 */
export type AnalysisCall<T> =
  | { route: string; body: Record<string, unknown>; request: z.ZodType; schema: z.ZodType<T>; graph?: true }
  | { route: string; query: Query; request: z.ZodType; schema: z.ZodType<T> };

/**
 * Declares one `lantern comms <name>` command with the options every analysis shares. In table
 * mode `rows` are printed, then `notes` (what the table leaves out); --json prints the answer.
 */
export function analysisCommand<T>(
  comms: Command,
  api: Api,
  name: string,
  description: string,
  declare: (c: Command) => Command,
  build: (o: Options, scope: ScopeInput) => AnalysisCall<T>,
  rows: (result: T) => Row[],
  notes: (result: T) => string[] = () => [],
): void {
  const command = comms
    .command(name)
    .description(description)
    .requiredOption(
      DATASET_OPTION[0],
      `${DATASET_OPTION[1]}; repeat to analyse several together (graph analyses)`,
      collect,
      [],
    )
    .option(
      '--since <date>',
      'start of the scope (within the authorised period; a date alone: 00:00 UTC)',
      periodStart,
    )
    .option(
      '--until <date>',
      'end of the scope, inclusive (within the authorised period; a date alone: the end of that day)',
      periodEnd,
    )
    .option('--min-events <n>', 'minimum events per contact pair')
    .option('--direction <d>', 'out, in or both')
    .option('--exclude-high-degree', 'never pass through very high-degree numbers')
    .option('--json', 'print JSON');
  declare(command).action(async (o: Options) => {
    const call = build(o, scopeOf(o));
    const graph = 'body' in call && call.graph;
    if (o.dataset.length > 1 && !graph)
      throw new CliError('VALIDATION_FAILED', `${name} analyses one dataset at a time: give one --dataset.`);
    const client = await api();
    const [first, ...others] = await Promise.all(o.dataset.map((ref) => findDataset(client, ref)));
    const path = `/api/comms/datasets/${first!.id}/${call.route}`;
    let result: T;
    if ('body' in call) {
      const body =
        graph && others.length > 0 ? { ...call.body, alsoDatasets: others.map((d) => d.id) } : call.body;
      checked(call.request, body);
      result = await client.post(path, body, call.schema);
    } else {
      checked(call.request, call.query);
      result = await client.get(path, call.schema, call.query);
    }
    output(o.json, result, () => rows(result));
    if (!o.json) for (const note of notes(result)) process.stdout.write(`${note}\n`);
  });
}
