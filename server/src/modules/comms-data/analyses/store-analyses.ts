import type { CoLocationBody, TimelineBody } from '#shared/contracts/comms';
import { storeScopeOf } from '../authorised-scope';
import { listWatchlist, watchlistVersion } from '../comms.repo';
import { authorisationOf } from '../comms.presenter';
import { numberMap } from '../graph-cache/dataset-graph';
import type { CoLocationOptions, Scope } from '../store/index.js';
import { type AnalysisContext, graphOf, idsOrUnknown } from './analysis-context';

function single(ctx: AnalysisContext): {
  store: ReturnType<AnalysisContext['services']['store']['dataset']>;
  scope: Scope;
} {
  const row = ctx.datasets[0]!;
  return { store: ctx.services.store.dataset(row.id), scope: storeScopeOf(authorisationOf(row), ctx.scope) };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Events of a number (or a pair) binned by hour and day, top contacts, first/last, silent periods. */
export async function timelineAnalysis(ctx: AnalysisContext, body: TimelineBody) {
  const { store, scope } = single(ctx);
  const t = await store.timeline(body.number, scope, {
    ...(body.other ? { other: body.other } : {}),
    ...(body.silentHours ? { silentHours: body.silentHours } : {}),
    ...(body.topContacts ? { topContacts: body.topContacts } : {}),
  });
  return {
    ...t,
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
    if (body.other) options.other = body.other;
    const found = await store.coLocation(body.number, options);
    return {
      number: body.number,
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
) {
  const { store, scope } = single(ctx);
  const page = await store.pairEvents(q.a, q.b, scope, {
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
export async function statsAnalysis(ctx: AnalysisContext) {
  const { store, scope } = single(ctx);
  const s = await store.stats(scope);
  return { ...s, first: iso(s.first), last: iso(s.last) };
}

/** Which watched subjects are within `hops` of a number: read from the standing index, not a scan. */
export async function watchlistMatchAnalysis(ctx: AnalysisContext, q: { number: string; hops: 0 | 1 | 2 }) {
  const g = await graphOf(ctx);
  const { db, watchlists } = ctx.services;
  const index = await watchlists.get(g, await watchlistVersion(db), () => listWatchlist(db));
  const { ids } = await idsOrUnknown(g, [q.number]);
  if (ids.length === 0) return { number: q.number, inData: false, matches: [] };
  const matches = index.match(ids[0]!, q.hops);
  const names = await numberMap(
    g,
    matches.flatMap((m) => (m.via === null ? [m.watched] : [m.watched, m.via])),
  );
  return {
    number: q.number,
    inData: true,
    matches: matches.map((m) => ({
      subjectRef: String(m.subject),
      watchedNumber: names.get(m.watched)!,
      hops: m.hops,
      via: m.via === null ? null : names.get(m.via)!,
    })),
  };
}
