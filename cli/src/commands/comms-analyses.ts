import type { Command } from 'commander';
import type { z } from 'zod';
import {
  centralityBody,
  chainBody,
  coLocationBody,
  commonBody,
  communitiesBody,
  networkBody,
  pathBody,
  type ScopeInput,
  timelineBody,
} from '#shared/contracts/comms';
import type { AnalysisContext } from '../../../server/src/modules/comms-data/analyses/analysis-context';
import {
  chainAnalysis,
  commonAnalysis,
  networkAnalysis,
  pathAnalysis,
} from '../../../server/src/modules/comms-data/analyses/graph-analyses';
import {
  centralityAnalysis,
  communitiesAnalysis,
} from '../../../server/src/modules/comms-data/analyses/kernel-analyses';
import {
  coLocationAnalysis,
  statsAnalysis,
  timelineAnalysis,
  watchlistMatchAnalysis,
} from '../../../server/src/modules/comms-data/analyses/store-analyses';
import { datasetsByName, runAnalysis } from '../../../server/src/modules/comms-data/use-cases/run-analysis';
import { AppError } from '../../../server/src/platform/errors';
import {
  collect,
  count,
  DATASET_OPTION,
  output,
  periodEnd,
  periodStart,
  score,
  tenths,
  withComms,
} from './comms-shared';

interface Common {
  dataset: string[];
  since?: string;
  until?: string;
  minEvents?: string;
  direction?: 'out' | 'in' | 'both';
  excludeHighDegree?: boolean;
  json?: boolean;
}
type Row = Record<string, string | number | boolean | null | undefined>;

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

/** Parses the request like the API does (defaults, limits), so CLI and API answer alike. */
function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new AppError(
      'VALIDATION_FAILED',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  return parsed.data;
}

/**
 * Declares one `lantern comms <name>` command with the options every analysis shares. In table
 * mode `rows` are printed, then `notes` (what the table leaves out); --json prints the result.
 */
function analysisCommand<T>(
  comms: Command,
  name: string,
  description: string,
  declare: (c: Command) => Command,
  build: (
    o: Common & Record<string, unknown>,
    scope: ScopeInput,
  ) => { fields: string[]; run: (ctx: AnalysisContext) => Promise<T> },
  rows: (result: T) => Row[],
  notes: (result: T) => string[] = () => [],
): void {
  const command = comms
    .command(name)
    .description(description)
    .requiredOption(
      DATASET_OPTION[0],
      `${DATASET_OPTION[1]}; repeat to analyse several together`,
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
  declare(command).action(async (o: Common & Record<string, unknown>) => {
    await withComms(async (s) => {
      const scope = scopeOf(o);
      const { fields, run } = build(o, scope);
      const result = await runAnalysis(
        s,
        (work) => s.db.transaction(work),
        datasetsByName(o.dataset),
        { actorId: null, requestId: null },
        {
          name,
          fields,
          scope,
          run,
        },
      );
      output(o.json, result, () => rows(result));
      if (!o.json) for (const note of notes(result)) process.stdout.write(`${note}\n`);
    });
  });
}

export function registerCommsAnalysisCommands(comms: Command): void {
  analysisCommand(
    comms,
    'chain',
    'Numbers within 1–3 hops of the seeds, with the path to each',
    (c) =>
      c
        .requiredOption('--seed <number>', 'seed number (repeat)', collect, [])
        .option('--hops <n>', '1, 2 or 3', '2')
        .option('--limit <n>', 'maximum contacts', '1000'),
    (o, scope) => {
      const body = parse(chainBody, { scope, seeds: o.seed, hops: Number(o.hops), limit: Number(o.limit) });
      return { fields: ['seeds', 'hops', 'limit'], run: (ctx) => chainAnalysis(ctx, body) };
    },
    // events: every event between the number and via, both ways (as `timeline --other` counts them).
    (r) =>
      r.contacts.map((c) => ({
        number: c.number,
        hops: c.hops,
        via: c.via,
        events: count(c.pair.events),
        'from via': count(c.pair.fromVia),
        'to via': count(c.pair.toVia),
        path: c.path.join(' > '),
      })),
    (r) => [
      ...(r.unknownSeeds.length > 0 ? [`not in the data: ${r.unknownSeeds.join(', ')}`] : []),
      ...(r.truncated
        ? [`showing ${count(r.contacts.length)} of ${count(r.total)} contacts; --limit to see more`]
        : []),
    ],
  );

  analysisCommand(
    comms,
    'common',
    'Common contacts of two or more numbers',
    (c) => c.requiredOption('--number <number>', 'a number (repeat)', collect, []),
    (o, scope) => {
      const body = parse(commonBody, { scope, numbers: o.number });
      return { fields: ['numbers'], run: (ctx) => commonAnalysis(ctx, body) };
    },
    (r) => r.contacts.map((c) => ({ number: c.number, shared: c.shared, events: count(c.events) })),
  );

  analysisCommand(
    comms,
    'path',
    'Shortest path(s) between two numbers',
    (c) =>
      c
        .requiredOption('--from-number <number>', 'start')
        .requiredOption('--to-number <number>', 'end')
        .option('--all', 'all shortest paths'),
    (o, scope) => {
      const body = parse(pathBody, { scope, from: o.fromNumber, to: o.toNumber, all: Boolean(o.all) });
      return { fields: ['from', 'to', 'all'], run: (ctx) => pathAnalysis(ctx, body) };
    },
    (r) => r.paths.map((p, i) => ({ path: i + 1, length: r.length, numbers: p.join(' > ') })),
  );

  analysisCommand(
    comms,
    'network',
    'Connecting network of a set of numbers',
    (c) => c.requiredOption('--number <number>', 'a member (repeat)', collect, []),
    (o, scope) => {
      const body = parse(networkBody, { scope, numbers: o.number });
      return { fields: ['numbers'], run: (ctx) => networkAnalysis(ctx, body) };
    },
    (r) => r.paths.map((p) => ({ from: p.from, to: p.to, length: p.length, path: p.nodes.join(' > ') })),
  );

  analysisCommand(
    comms,
    'watchlist-match',
    'Watched subjects within 2 hops of a number',
    (c) => c.requiredOption('--number <number>', 'the number').option('--hops <n>', '0, 1 or 2', '2'),
    (o) => ({
      fields: ['number', 'hops'],
      run: (ctx) =>
        watchlistMatchAnalysis(ctx, { number: String(o.number), hops: Number(o.hops) as 0 | 1 | 2 }),
    }),
    (r) =>
      r.matches.map((m) => ({ subject: m.subjectRef, watched: m.watchedNumber, hops: m.hops, via: m.via })),
  );

  analysisCommand(
    comms,
    'communities',
    'Communities (Louvain or label propagation)',
    (c) =>
      c
        .option('--method <m>', 'louvain or label-propagation', 'louvain')
        .option('--top <n>', 'largest communities shown', '20'),
    (o, scope) => {
      const body = parse(communitiesBody, { scope, method: o.method, top: Number(o.top) });
      return { fields: ['method', 'top'], run: (ctx) => communitiesAnalysis(ctx, body) };
    },
    (r) =>
      r.communities.map((c) => ({
        community: c.id,
        size: count(c.size),
        members: c.members.slice(0, 8).join(' '),
      })),
  );

  analysisCommand(
    comms,
    'centrality',
    'Most central numbers (degree, weighted degree, betweenness)',
    (c) =>
      c
        .option('--measure <m>', 'degree, weighted-degree or betweenness', 'degree')
        .option('--top <n>', 'how many', '20'),
    (o, scope) => {
      const body = parse(centralityBody, { scope, measure: o.measure, top: Number(o.top) });
      return { fields: ['measure', 'top'], run: (ctx) => centralityAnalysis(ctx, body) };
    },
    (r) =>
      r.top.map((t) => ({
        number: t.number,
        score: score(t.score),
        degree: count(t.degree),
        weightedDegree: count(t.weightedDegree),
      })),
  );

  analysisCommand(
    comms,
    'colocation',
    'Numbers seen on the same cell within ±T minutes (or repeated pairs)',
    (c) =>
      c
        .option('--number <number>', 'the subject (omit for repeated pairs)')
        .option('--other <number>', 'with --number: only this other number (co-location of a pair)')
        .option('--window <minutes>', '±T', '15')
        .option('--radius <metres>', 'also cells within R metres of each other (needs import-cells)'),
    (o, scope) => {
      const body = parse(coLocationBody, {
        scope,
        ...(o.number ? { number: o.number } : {}),
        ...(o.other ? { other: o.other } : {}),
        windowMinutes: Number(o.window),
        ...(o.radius !== undefined ? { radiusMetres: Number(o.radius) } : {}),
      });
      const fields = ['number', 'other', 'windowMinutes', 'radiusMetres'].filter(
        (f) => f === 'windowMinutes' || body[f as keyof typeof body] !== undefined,
      );
      return { fields, run: (ctx) => coLocationAnalysis(ctx, body) };
    },
    (r) =>
      'coLocated' in r
        ? (r.coLocated ?? []).map((c) => ({
            number: c.number,
            occurrences: count(c.occurrences),
            cells: c.cells.join(' '),
          }))
        : (r.pairs ?? []).map((p) => ({ a: p.a, b: p.b, occurrences: count(p.occurrences) })),
  );

  analysisCommand(
    comms,
    'timeline',
    'Events of a number (or pair) by hour and day, top contacts, silences',
    (c) =>
      c
        .requiredOption('--number <number>', 'the number')
        .option('--other <number>', 'the other party of a pair'),
    (o, scope) => {
      const body = parse(timelineBody, { scope, number: o.number, ...(o.other ? { other: o.other } : {}) });
      return { fields: ['number', 'other'], run: (ctx) => timelineAnalysis(ctx, body) };
    },
    (r) =>
      r.other !== null
        ? [
            {
              number: r.number,
              other: r.other,
              events: count(r.total),
              outgoing: count(r.pair?.outgoing),
              incoming: count(r.pair?.incoming),
              first: r.first,
              last: r.last,
              types: Object.entries(r.byType)
                .filter(([, n]) => n > 0)
                .map(([type, n]) => `${type} ${count(n)}`)
                .join(', '),
            },
          ]
        : r.topContacts.map((c) => ({
            contact: c.number,
            events: count(c.count),
            outgoing: count(c.outgoing),
            incoming: count(c.incoming),
            first: c.first,
            last: c.last,
          })),
    (r) => (r.other === null ? [`${r.number}: ${count(r.total)} events in all`] : []),
  );

  analysisCommand(
    comms,
    'stats',
    'Counts of the data within the scope',
    (c) => c,
    () => ({ fields: [], run: (ctx) => statsAnalysis(ctx) }),
    (r) => [
      {
        records: count(r.records),
        numbers: count(r.numbers),
        pairs: count(r.directedPairs),
        first: r.first,
        last: r.last,
        days: tenths(r.spanDays),
      },
    ],
  );
}
