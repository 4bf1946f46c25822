import { z } from 'zod';

// The answers of the comms analyses (server/src/modules/comms-data/analyses), one schema each: what
// is not in a schema is never sent. Numbers are in the data's form (normalised); times are ISO 8601
// instants in UTC, as text.

const instant = z.string();
const numbers = z.array(z.string());
const eventTypeNames = z.array(z.string());

/** One contact pair as evidence: who contacted whom, how many events, first/last, types. */
export const edgeEvidence = z.object({
  a: z.string(),
  b: z.string(),
  events: z.number(),
  first: instant,
  last: instant,
  types: eventTypeNames,
});
export type EdgeEvidence = z.infer<typeof edgeEvidence>;

/**
 * Contact chaining. `edge` is the stored pair the walk followed (one direction); `pair` counts every
 * event between the number and `via` in the call's dates, both ways. When the limit cut the list
 * (`truncated`), `total` says how many contacts there are.
 */
export const chainResult = z.object({
  seeds: numbers,
  unknownSeeds: numbers,
  hops: z.number(),
  contacts: z.array(
    z.object({
      number: z.string(),
      hops: z.number(),
      via: z.string(),
      path: numbers,
      pair: z.object({ events: z.number(), fromVia: z.number(), toVia: z.number() }),
      edge: z.object({
        direction: z.enum(['from-via', 'to-via']),
        events: z.number(),
        first: instant,
        last: instant,
        types: eventTypeNames,
      }),
    }),
  ),
  truncated: z.boolean(),
  total: z.number(),
});
export type ChainResult = z.infer<typeof chainResult>;

/** Common contacts of two or more numbers, with the pairs linking each to the numbers. */
export const commonContactsResult = z.object({
  numbers,
  unknown: numbers,
  contacts: z.array(
    z.object({ number: z.string(), shared: z.number(), events: z.number(), edges: z.array(edgeEvidence) }),
  ),
});
export type CommonContactsResult = z.infer<typeof commonContactsResult>;

/** Shortest path (or all shortest paths) between two numbers; length -1 when not found. */
export const shortestPathResult = z.object({
  from: z.string(),
  to: z.string(),
  unknown: numbers,
  found: z.boolean(),
  length: z.number(),
  count: z.number(),
  paths: z.array(numbers),
  edges: z.array(edgeEvidence),
  truncated: z.boolean(),
});
export type ShortestPathResult = z.infer<typeof shortestPathResult>;

/** The connecting network of a set of numbers: the union of shortest paths between them. */
export const connectingNetworkResult = z.object({
  members: numbers,
  unknown: numbers,
  nodes: numbers,
  intermediaries: z.array(z.object({ number: z.string(), pairs: z.number() })),
  paths: z.array(z.object({ from: z.string(), to: z.string(), length: z.number(), nodes: numbers })),
  unconnected: z.array(z.tuple([z.string(), z.string()])),
  edges: z.array(edgeEvidence),
});
export type ConnectingNetworkResult = z.infer<typeof connectingNetworkResult>;

/** The largest communities, each with its first members. */
export const communitiesResult = z.object({
  method: z.enum(['louvain', 'label-propagation']),
  count: z.number(),
  modularity: z.number(),
  communities: z.array(z.object({ id: z.number(), size: z.number(), members: numbers })),
});
export type CommunitiesResult = z.infer<typeof communitiesResult>;

/** The most central numbers; `error` states the bound of a sampled betweenness (null when exact). */
export const centralityResult = z.object({
  measure: z.enum(['degree', 'weighted-degree', 'betweenness']),
  exact: z.boolean(),
  error: z
    .object({ method: z.string(), epsilon: z.number(), confidence: z.number(), pivots: z.number() })
    .nullable(),
  top: z.array(
    z.object({
      number: z.string(),
      score: z.number(),
      degree: z.number(),
      weightedDegree: z.number(),
      /** Sampled betweenness only. */
      standardError: z.number().optional(),
    }),
  ),
});
export type CentralityResult = z.infer<typeof centralityResult>;

const eventTypes = ['voice', 'sms', 'data', 'message'] as const;

/**
 * A number's (or a pair's) events binned by hour and day, top contacts, first/last, silent periods.
 * For a pair, `total` counts its events both ways and `pair` splits them.
 */
export const timelineResult = z.object({
  number: z.string(),
  other: z.string().nullable(),
  total: z.number(),
  first: instant.nullable(),
  last: instant.nullable(),
  byType: z.record(z.enum(eventTypes), z.number()),
  /** 24 counts, index = hour of day. */
  byHour: z.array(z.number()),
  /** 7 counts, index 0 = Monday … 6 = Sunday (ISO). */
  byWeekday: z.array(z.number()),
  /** 7 × 24 counts: byWeekdayHour[weekday][hour]. */
  byWeekdayHour: z.array(z.array(z.number())),
  byDay: z.array(z.object({ day: z.string(), count: z.number() })),
  topContacts: z.array(
    z.object({
      number: z.string(),
      count: z.number(),
      outgoing: z.number(),
      incoming: z.number(),
      first: instant,
      last: instant,
    }),
  ),
  silentPeriods: z.array(z.object({ from: instant, to: instant, hours: z.number() })),
  pair: z.object({ outgoing: z.number(), incoming: z.number() }).nullable(),
});
export type TimelineResult = z.infer<typeof timelineResult>;

/** Numbers seen on the same (or a nearby) cell within ±T of one number. */
export const coLocatedNumbersResult = z.object({
  number: z.string(),
  coLocated: z.array(
    z.object({
      number: z.string(),
      /** Co-location occurrences: pairs of events (one each) on the same/nearby cell within ±T. */
      occurrences: z.number(),
      /** How many of the subject's events had this number nearby. */
      subjectEvents: z.number(),
      cells: z.array(z.string()),
      first: instant,
      last: instant,
    }),
  ),
});
/** Without a number: the pairs that co-locate repeatedly. */
export const coLocatedPairsResult = z.object({
  pairs: z.array(
    z.object({ a: z.string(), b: z.string(), occurrences: z.number(), first: instant, last: instant }),
  ),
});
export const coLocationResult = z.union([coLocatedNumbersResult, coLocatedPairsResult]);
export type CoLocationResult = z.infer<typeof coLocationResult>;

/** The events behind a pair (evidence), one page. */
export const pairEventsResult = z.object({
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
  events: z.array(
    z.object({
      id: z.number(),
      type: z.enum(eventTypes),
      a: z.string(),
      b: z.string(),
      start: instant,
      durationS: z.number().nullable(),
      cellId: z.string().nullable(),
      imei: z.string().nullable(),
      imsi: z.string().nullable(),
      sourceLine: z.number(),
    }),
  ),
});
export type PairEventsResult = z.infer<typeof pairEventsResult>;

/** Counts of the data within the scope. */
export const statsResult = z.object({
  records: z.number(),
  numbers: z.number(),
  directedPairs: z.number(),
  undirectedPairs: z.number(),
  selfLoops: z.number(),
  first: instant.nullable(),
  last: instant.nullable(),
  spanDays: z.number(),
});
export type StatsResult = z.infer<typeof statsResult>;

/** Which watched subjects are within `hops` of a number (from the standing index). */
export const watchlistMatchResult = z.object({
  number: z.string(),
  inData: z.boolean(),
  matches: z.array(
    z.object({
      subjectRef: z.string(),
      watchedNumber: z.string(),
      hops: z.number(),
      via: z.string().nullable(),
    }),
  ),
});
export type WatchlistMatchResult = z.infer<typeof watchlistMatchResult>;
