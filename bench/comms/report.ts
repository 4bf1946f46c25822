export type SizeLabel = 'S' | 'M' | 'L';

/** One line of the results table. */
export interface ReportRow {
  line: string;
  ours: string;
  duckdb: string;
  graphology: string;
  ratio: string;
  target: string;
  /** PASS / MISS against the target, '' when the line has no target. */
  verdict: string;
}

/**
 * A target stated for size `at` (the issue states them for M or L). At a smaller size the verdict
 * is printed for reference with a '*'.
 */
export function verdict(ok: boolean | null, at: SizeLabel | 'any', size: SizeLabel): string {
  if (ok === null) return 'n/a';
  const word = ok ? 'PASS' : 'MISS';
  if (at === 'any' || at === size) return word;
  return `${word}*`;
}

/** "12.3×" style ratio of two positive numbers (— when either is missing). */
export function ratio(num: number, den: number): string {
  if (!(num > 0 && den > 0) || !Number.isFinite(num) || !Number.isFinite(den)) return '—';
  const r = num / den;
  return r >= 100 ? `${r.toFixed(0)}×` : r >= 10 ? `${r.toFixed(1)}×` : `${r.toFixed(2)}×`;
}

/** Fixed-width table in Markdown syntax (readable on a terminal, pasteable into the docs). */
export function formatTable(rows: readonly ReportRow[]): string {
  const head: ReportRow = {
    line: 'line',
    ours: 'ours',
    duckdb: 'DuckDB SQL',
    graphology: 'graphology',
    ratio: 'ratio',
    target: 'target',
    verdict: 'verdict',
  };
  const keys = Object.keys(head) as (keyof ReportRow)[];
  const all = [head, ...rows];
  const width = keys.map((k) => Math.max(...all.map((r) => r[k].length)));
  const fmt = (r: ReportRow) => `| ${keys.map((k, i) => r[k].padEnd(width[i]!)).join(' | ')} |`;
  const sep = `|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [fmt(head), sep, ...rows.map(fmt)].join('\n');
}
