import type { BuildSteps } from './build-steps.js';
import { countBlocks, scatterToBlocks, sortBlocks } from './in-adjacency.js';
import { mapTargets, moveRowRange, rowLengths, sortRowRange } from './pair-rows.js';

/**
 * The functions behind each build operation, by name: the one table both the calling thread and
 * a helper thread (build.worker.ts) run a task's parts from.
 */
export const buildOps = {
  countBlocks,
  scatterToBlocks,
  sortBlocks,
  rowLengths,
  mapTargets,
  moveRows: moveRowRange,
  sortRows: sortRowRange,
};

/** The operations a build step can split into parts. */
export type BuildOps = typeof buildOps;

/** Runs one part of a build operation. */
export function runBuildOp(op: string, part: unknown): void {
  if (!Object.hasOwn(buildOps, op)) throw new Error(`unknown build operation '${op}'`);
  (buildOps[op as keyof BuildOps] as (part: unknown) => void)(part);
}

/** Runs a build on this thread, part after part. */
export function runSync<R>(steps: BuildSteps<R>): R {
  for (let r = steps.next(); ; r = steps.next()) {
    if (r.done) return r.value;
    for (const part of r.value.parts) runBuildOp(r.value.op, part);
  }
}
