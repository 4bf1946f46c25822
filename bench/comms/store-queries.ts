import type { DatasetStore } from '../../server/src/modules/comms-data/store/index.js';
import { type ReportRow, ratio, type SizeLabel, verdict } from './report.js';
import { fmtMs, measure } from './timing.js';

export interface StoreQueryFigures {
  rows: ReportRow[];
  /** Timeline total of the number (for the check against a raw count). */
  timelineTotal: number;
  timelineMs: number;
  number: string;
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
      target: '≤ 20 ms (L)',
      verdict: verdict(co.ms <= 20, 'L', size),
    },
  ];
  return { rows, timelineTotal: tl.result.total, timelineMs: tl.ms, number };
}

/** Fills the raw-table peer into the timeline row. */
export function withRawTimeline(row: ReportRow, oursMs: number, rawMs: number): ReportRow {
  return { ...row, duckdb: `raw events ${fmtMs(rawMs)}`, ratio: `${ratio(rawMs, oursMs)} vs raw` };
}
