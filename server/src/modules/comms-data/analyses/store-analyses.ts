import type {
  CoLocationBody,
  PairEventsResult,
  StatsResult,
  TimelineBody,
  TimelineResult,
  WatchlistMatchResult,
} from '#shared/contracts/comms';
import { storeScopeOf } from '../authorised-scope';
import { listWatchlist, watchlistVersion } from '../comms.repo';
import { authorisationOf } from '../comms.presenter';
import { numberMap } from '../graph-cache/dataset-graph';
import type { CoLocationOptions, Scope } from '../store/index.js';
import { AppError } from '../../../platform/errors';
import { type AnalysisContext, graphOf, idsOrUnknown, partyOf } from './analysis-context';

/** The one dataset of a store analysis (several are refused: the answer would be the first's only). */
function single(ctx: AnalysisContext): {
  store: ReturnType<AnalysisContext['services']['store']['dataset']>;
  scope: Scope;
} {
  if (ctx.datasets.length !== 1)
    throw new AppError(
      'VALIDATION_FAILED',
      `This analysis runs on one dataset at a time; ${ctx.datasets.length} were given.`,
    );
  const row = ctx.datasets[0]!;
  return { store: ctx.services.store.dataset(row.id), scope: storeScopeOf(authorisationOf(row), ctx.scope) };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Events of a number (or a pair) binned by hour and day, top contacts, first/last, silent periods.
 * For a pair, `total` counts its events both ways (as chain's `pair.events` does) and `pair` splits
 * them: `outgoing` from `number` to `other`, `incoming` the others.
 */
export async function timelineAnalysis(ctx: AnalysisContext, body: TimelineBody): Promise<TimelineResult> {
  const { store, scope } = single(ctx);
  const [number, other] = await ctx.parties.resolve(body.other ? [body.number, body.other] : [body.number]);
  const t = await store.timeline(number!, scope, {
    ...(other ? { other } : {}),
    ...(body.silentHours ? { silentHours: body.silentHours } : {}),
    ...(body.topContacts ? { topContacts: body.topContacts } : {}),
  });
  let pair: { outgoing: number; incoming: number } | null = null;
  if (other) {
    const out = await store.pairEvents(number!, other, scope, { bothDirections: false, limit: 1 });
    pair = { outgoing: out.total, incoming: t.total - out.total };
  }
  return {
    ...t,
    pair,
    first: iso(t.first),
    last: iso(t.last),
    topContacts: t.topContacts.map((c) => ({
      ...c,
      first: c.first.toISOString(),
      last: c.last.toISOString(),
    })),
    silentPeriods: t.silentPeriods.map((s) => ({ ...s, from: s.from.toISOString(), to: s.to.toISOString() })),
  };
}

/** Numbers on the same (or a nearby) cell within ±T of a number; without a number, pairs that co-locate repeatedly. */
export async function coLocationAnalysis(ctx: AnalysisContext, body: CoLocationBody) {
  const { store, scope } = single(ctx);
  const options: CoLocationOptions = {
    windowMinutes: body.windowMinutes,
    scope,
    limit: body.limit,
    ...(body.radiusMetres !== undefined ? { radiusMetres: body.radiusMetres } : {}),
  };
  if (body.number) {
    const [number, other] = await ctx.parties.resolve(body.other ? [body.number, body.other] : [body.number]);
    if (other) options.other = other;
    const found = await store.coLocation(number!, options);
    return {
      number: number!,
      coLocated: found.map((c) => ({ ...c, first: c.first.toISOString(), last: c.last.toISOString() })),
    };
  }
  const pairs = await store.repeatedCoLocation({ ...options, minOccurrences: body.minOccurrences });
  return { pairs: pairs.map((p) => ({ ...p, first: p.first.toISOString(), last: p.last.toISOString() })) };
}

/** The events behind a pair (evidence), paged. */
export async function pairEventsAnalysis(
  ctx: AnalysisContext,
  q: { a: string; b: string; bothDirections: boolean; limit: number; offset: number },
): Promise<PairEventsResult> {
  const { store, scope } = single(ctx);
  const [a, b] = (await ctx.parties.resolve([q.a, q.b])) as [string, string];
  const page = await store.pairEvents(a, b, scope, {
    bothDirections: q.bothDirections,
    limit: q.limit,
    offset: q.offset,
  });
  return {
    total: page.total,
    limit: q.limit,
    offset: q.offset,
    events: page.events.map((e) => ({
      id: e.id,
      type: e.type,
      a: e.a,
      b: e.b,
      start: e.start.toISOString(),
      durationS: e.durationS,
      cellId: e.cellId,
      imei: e.imei,
      imsi: e.imsi,
      sourceLine: e.sourceLine,
    })),
  };
}

/** Counts of the data within the scope. */
export async function statsAnalysis(ctx: AnalysisContext): Promise<StatsResult> {
  const { store, scope } = single(ctx);
  const s = await store.stats(scope);
  return { ...s, first: iso(s.first), last: iso(s.last) };
}

/**
 * Which watched subjects are within `hops` of a number: read from the standing index, not a scan.
 * The watchlist's numbers, like the one asked about, are taken in the data's form.
 */
export async function watchlistMatchAnalysis(
  ctx: AnalysisContext,
  q: { number: string; hops: 0 | 1 | 2 },
): Promise<WatchlistMatchResult> {
  const g = await graphOf(ctx);
  const { db, watchlists } = ctx.services;
  const index = await watchlists.get(g, await watchlistVersion(db), async () => {
    const entries = await listWatchlist(db);
    const held = await ctx.parties.resolve(
      entries.map((e) => e.number),
      { ambiguous: 'as-given' },
    );
    return entries.map((e, i) => ({ number: held[i]!, subjectRef: e.subjectRef }));
  });
  const number = await partyOf(ctx, q.number);
  const { ids } = await idsOrUnknown(ctx, g, [number]);
  if (ids.length === 0) return { number: q.number, inData: false, matches: [] };
  const matches = index.match(ids[0]!, q.hops);
  const names = await numberMap(
    g,
    matches.flatMap((m) => (m.via === null ? [m.watched] : [m.watched, m.via])),
  );
  return {
    number,
    inData: true,
    matches: matches.map((m) => ({
      subjectRef: String(m.subject),
      watchedNumber: names.get(m.watched)!,
      hops: m.hops,
      via: m.via === null ? null : names.get(m.via)!,
    })),
  };
}
