import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Heap in use after a full collection (bytes). Called before a timed section too, so that
 * collecting what an earlier step left (the L snapshot round trip leaves three reloaded graphs,
 * ~0.7 s to free) is not timed as part of the next step.
 */
export function settledHeap(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Median of a list of numbers (NaN when empty). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The q-quantile (0..1) by nearest rank. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

export interface Timed<T> {
  /** Median wall time of the measured runs, ms. */
  ms: number;
  runs: number[];
  result: T;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns the median (ms) and the last result. */
export async function measure<T>(fn: () => T | Promise<T>, runs = 5, warmup = 1): Promise<Timed<T>> {
  let result = undefined as T;
  for (let i = 0; i < warmup; i++) result = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), runs: times, result };
}

/** Synchronous variant of {@link measure} (no await between runs: µs-level timings stay clean). */
export function measureSync<T>(fn: () => T, runs = 5, warmup = 1): Timed<T> {
  let result = undefined as T;
  for (let i = 0; i < warmup; i++) result = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), runs: times, result };
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 1) return `${(ms * 1000).toFixed(ms < 0.01 ? 2 : 1)} µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function fmtRate(rowsPerS: number): string {
  return `${(rowsPerS / 1e6).toFixed(2)} M rows/s`;
}

export function fmtBytes(b: number): string {
  if (b >= 2 ** 30) return `${(b / 2 ** 30).toFixed(2)} GiB`;
  return `${(b / 2 ** 20).toFixed(0)} MiB`;
}
