import { createRng, shuffleInPlace } from './prng.js';
import type { SimpleGraph } from './simple-graph.js';

/**
 * Asynchronous label propagation (Raghavan et al. 2007) on an undirected weighted graph: a node
 * takes the label of greatest total edge weight among its neighbours, keeping its own label when
 * it is among the best, else a seeded random choice among the best. Nodes are processed from a
 * queue (first all, in seeded random order or in id order); when
 * a node changes label its neighbours holding another label are re-queued. Ends when the queue
 * empties or after `maxIterations` × n visits. Labels are renumbered densely.
 */
export function labelPropagationCore(
  g: SimpleGraph,
  seed: number,
  maxIterations: number,
  shuffle = false,
): { community: Int32Array; iterations: number } {
  const rng = createRng(seed);
  const n = g.n;
  const { offsets, targets, weights } = g;
  const label = new Int32Array(n);
  const queue = new Int32Array(n);
  for (let i = 0; i < n; i++) label[i] = queue[i] = i;
  if (shuffle) shuffleInPlace(queue, rng);
  const inQueue = new Uint8Array(n).fill(1);
  const acc = new Float64Array(n).fill(-1);
  const touched = new Int32Array(n);
  const best = new Int32Array(n);
  let head = 0;
  let size = n;
  let visits = 0;
  for (; size > 0 && visits < maxIterations * n; visits++) {
    const i = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    size--;
    inQueue[i] = 0;
    const a = offsets[i]!;
    const b = offsets[i + 1]!;
    let nt = 0;
    for (let e = a; e < b; e++) {
      const l = label[targets[e]!]!;
      if (acc[l] === -1) {
        acc[l] = 0;
        touched[nt++] = l;
      }
      acc[l] += weights[e]!;
    }
    if (nt === 0) continue;
    let top = -1;
    let nb = 0;
    let keep = false;
    for (let t = 0; t < nt; t++) {
      const l = touched[t]!;
      const w = acc[l]!;
      if (w > top) {
        top = w;
        nb = 0;
        keep = false;
      }
      if (w === top) {
        best[nb++] = l;
        if (l === label[i]) keep = true;
      }
      acc[l] = -1;
    }
    if (keep) continue;
    const chosen = best[nb === 1 ? 0 : Math.floor(rng() * nb)]!;
    label[i] = chosen;
    for (let e = a; e < b; e++) {
      const j = targets[e]!;
      if (inQueue[j] === 0 && label[j] !== chosen) {
        inQueue[j] = 1;
        queue[(head + size) % n] = j;
        size++;
      }
    }
  }
  const map = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const l = label[i]!;
    if (map[l] === -1) map[l] = count++;
    label[i] = map[l]!;
  }
  return { community: label, iterations: Math.ceil(visits / Math.max(1, n)) };
}
