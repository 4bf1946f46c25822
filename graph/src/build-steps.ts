/** The build's operations that can run on another thread (see build-ops.ts for the registry). */
export type BuildOpName =
  | 'countBlocks'
  | 'scatterToBlocks'
  | 'sortBlocks'
  | 'rowLengths'
  | 'mapTargets'
  | 'moveRows'
  | 'sortRows';

/**
 * One step of a graph build split into independent parts over disjoint ranges: part 0 runs on
 * the calling thread, the others may run on helper threads (which find `run` by `op`).
 */
export interface Task {
  op: BuildOpName;
  run: (part: unknown) => void;
  parts: readonly unknown[];
}

/** A task whose parts are checked against the operation's argument type. */
export function task<P>(op: BuildOpName, run: (part: P) => void, parts: readonly P[]): Task {
  return { op, run: run as (part: unknown) => void, parts };
}

/**
 * A build written once for any number of threads: a generator that yields the steps to split
 * and resumes when every part is done, then returns the result. {@link runSync} runs every part
 * here; a parallel driver hands parts to helper threads (build-helper.ts).
 */
export type BuildSteps<R> = Generator<Task, R, void>;

/** Runs a build on this thread, part after part. */
export function runSync<R>(steps: BuildSteps<R>): R {
  for (let r = steps.next(); ; r = steps.next()) {
    if (r.done) return r.value;
    for (const part of r.value.parts) r.value.run(part);
  }
}

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
