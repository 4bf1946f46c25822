import type { BuildOps } from './build-ops.js';

/** The build's operations that can run on another thread (the registry is build-ops.ts). */
export type BuildOpName = keyof BuildOps;

/** What one part of an operation takes. */
export type BuildOpPart<K extends BuildOpName> = Parameters<BuildOps[K]>[0];

/**
 * One step of a graph build split into independent parts over disjoint ranges: part 0 runs on
 * the calling thread, the others may run on helper threads; each looks `op` up in build-ops.ts.
 */
export interface Task {
  op: BuildOpName;
  parts: readonly unknown[];
}

/** A task whose parts are checked against the operation's argument type. */
export function task<K extends BuildOpName>(op: K, parts: readonly BuildOpPart<K>[]): Task {
  return { op, parts };
}

/**
 * A build written once for any number of threads: a generator that yields the steps to split
 * and resumes when every part is done, then returns the result. `runSync` (build-ops.ts) runs
 * every part here; `runParallel` (build-helper.ts) hands part 1 to a helper thread.
 */
export type BuildSteps<R> = Generator<Task, R, void>;

/**
 * Cuts rows [0, rows) into `parts` ranges of about equal entries, given their offsets
 * (offsets[rows] = total): returns parts + 1 increasing cut points from 0 to rows.
 */
export function splitByOffsets(offsets: Int32Array, rows: number, parts: number): number[] {
  const total = offsets[rows]! - offsets[0]!;
  const cuts = [0];
  for (let t = 1; t < parts; t++) {
    const want = offsets[0]! + Math.round((total * t) / parts);
    // The first row whose start reaches `want`.
    let lo = cuts[t - 1]!;
    let hi = rows;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (offsets[mid]! < want) lo = mid + 1;
      else hi = mid;
    }
    // Or the row before it, if that start is nearer.
    if (lo > cuts[t - 1]! && want - offsets[lo - 1]! < offsets[lo]! - want) lo--;
    cuts.push(lo);
  }
  cuts.push(rows);
  return cuts;
}
