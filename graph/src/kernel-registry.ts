import { type BetweennessOptions, type BetweennessResult, betweenness } from './betweenness.kernel.js';
import {
  type CommunitiesResult,
  type CommunityOptions,
  labelPropagation,
  louvain,
} from './communities.kernel.js';
import { type ComponentsResult, connectedComponents } from './components.kernel.js';
import type { GraphView } from './graph-view.js';
import type { Scope } from './types.js';

/** Arguments of each whole-graph kernel. */
export interface KernelArgs {
  louvain: CommunityOptions;
  labelPropagation: CommunityOptions;
  betweenness: BetweennessOptions;
  components: Scope;
}

/** Result of each whole-graph kernel. */
export interface KernelResults {
  louvain: CommunitiesResult;
  labelPropagation: CommunitiesResult;
  betweenness: BetweennessResult;
  components: ComponentsResult;
}

/** Names of the kernels that can run in a worker thread. */
export type KernelName = keyof KernelArgs;

/** Runs a kernel in the current thread (what the worker does on its side). */
export function runKernel<K extends KernelName>(
  kernel: K,
  view: GraphView,
  args: KernelArgs[K],
): KernelResults[K] {
  const table: { [N in KernelName]: (v: GraphView, a: KernelArgs[N]) => KernelResults[N] } = {
    louvain,
    labelPropagation,
    betweenness,
    components: connectedComponents,
  };
  const fn = table[kernel];
  if (!fn) throw new Error(`unknown kernel ${String(kernel)}`);
  return fn(view, args);
}
