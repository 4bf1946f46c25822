import type { DatasetStore } from '#server/modules/comms-data/store/index';
import { type ReportRow, ratio, type SizeLabel, verdict } from './report.js';
import { fmtMs, measure } from './timing.js';

export interface StoreQueryFigures {
  rows: ReportRow[];
  /** Timeline total of the number (for the check against a raw count). */
  timelineTotal: number;
  timelineMs: number;
  number: string;
  /** The number most often co-located with `number` (null if none), and their occurrences. */
  pair: { other: string; otherId: number; occurrences: number; ms: number } | null;
}

/** Timeline of a number, of a pair, and co-location of a number (±30 min, same cell), on the store. */
export async function storeQueries(
  ds: DatasetStore,
  number: string,
  size: SizeLabel,
  runs: number,
): Promise<StoreQueryFigures> {
  const tl = await measure(() => ds.timeline(number), runs);
  const other = tl.result.topContacts[0]?.number;
  const pair = other ? await measure(() => ds.timeline(number, undefined, { other }), runs) : null;
  const co = await measure(() => ds.coLocation(number, { windowMinutes: 30 }), runs);
  const partner = co.result[0]?.number;
  const pairCo = partner
    ? await measure(() => ds.coLocation(number, { windowMinutes: 30, other: partner }), runs)
    : null;
  const partnerId = partner ? (await ds.lookupIds([partner])).get(partner)! : -1;

  const rows: ReportRow[] = [
    {
      line: `timeline of a number (${tl.result.total} events)`,
      ours: fmtMs(tl.ms),
      duckdb: '',
      graphology: '—',
      ratio: '',
      target: '≤ 10 ms (L)',
      verdict: verdict(tl.ms <= 10, 'L', size),
    },
    {
      line: `timeline of a pair (${pair?.result.total ?? 0} events)`,
      ours: pair ? fmtMs(pair.ms) : '—',
      duckdb: '—',
      graphology: '—',
      ratio: '—',
      target: '—',
      verdict: '',
    },
    {
      line: `co-location of a number, ±30 min (${co.result.length} numbers)`,
      ours: fmtMs(co.ms),
      duckdb: '—',
      graphology: '—',
      ratio: '—',
      target: '—',
      verdict: '',
    },
    {
      line: `co-location of a pair, ±30 min (${pairCo?.result[0]?.occurrences ?? 0} occurrences)`,
      ours: pairCo ? fmtMs(pairCo.ms) : '—',
      duckdb: '',
      graphology: '—',
      ratio: '',
      target: '≤ 20 ms (L)',
      verdict: pairCo ? verdict(pairCo.ms <= 20, 'L', size) : '',
    },
  ];
  return {
    rows,
    timelineTotal: tl.result.total,
    timelineMs: tl.ms,
    number,
    pair:
      partner && pairCo
        ? {
            other: partner,
            otherId: partnerId,
            occurrences: pairCo.result[0]?.occurrences ?? 0,
            ms: pairCo.ms,
          }
        : null,
  };
}

/** Fills a raw-table peer's time into a store row (timeline, pair co-location). */
export function withRawPeer(row: ReportRow, oursMs: number, rawMs: number): ReportRow {
  return { ...row, duckdb: `raw events ${fmtMs(rawMs)}`, ratio: `${ratio(rawMs, oursMs)} vs raw` };
}

/**
 * Repeated co-location over the whole dataset (one run): a whole-table SQL join, measured after
 * the RSS line because DuckDB keeps the buffers it grew for it.
 */
export async function repeatedCoLocationRow(ds: DatasetStore): Promise<ReportRow> {
  const repeated = await measure(
    () => ds.repeatedCoLocation({ windowMinutes: 30, minOccurrences: 3, limit: 1000 }),
    1,
    0,
  );
  return {
    line: `repeated co-location, whole dataset, ±30 min, ≥ 3 times (${repeated.result.length} pairs shown)`,
    ours: fmtMs(repeated.ms),
    duckdb: '—',
    graphology: '—',
    ratio: '—',
    target: '—',
    verdict: '',
  };
}
