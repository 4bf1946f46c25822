import type { BuildOpName } from './build-steps.js';
import { countBlocks, scatterToBlocks, sortBlocks } from './in-adjacency.js';
import { mapTargets, moveRowRange, rowLengths, sortRowRange } from './pair-rows.js';

/** The functions behind each build operation, by name: how a helper thread finds a part's work. */
export const buildOps: Record<BuildOpName, (part: never) => void> = {
  countBlocks,
  scatterToBlocks,
  sortBlocks,
  rowLengths,
  mapTargets,
  moveRows: moveRowRange,
  sortRows: sortRowRange,
};

/** Runs one part of a build operation. */
export function runBuildOp(op: BuildOpName, part: unknown): void {
  const fn = buildOps[op] as ((part: unknown) => void) | undefined;
  if (!fn) throw new Error(`unknown build operation '${op}'`);
  fn(part);
}
