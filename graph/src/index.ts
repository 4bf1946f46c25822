// Public API of the contact-graph engine (pure TypeScript; no server, database or npm runtime deps).
export {
  type AllPathsOptions,
  type AllPathsResult,
  allShortestPaths,
} from './all-shortest-paths.analysis.js';
export {
  type BetweennessError,
  type BetweennessOptions,
  type BetweennessResult,
  betweenness,
} from './betweenness.kernel.js';
export { type BfsResult, bfsDistances } from './bfs.analysis.js';
export { Bitset } from './bitset.js';
export { type CentralityOptions, degreeCentrality } from './centrality.kernel.js';
export {
  type CommonContact,
  type CommonContactsOptions,
  type CommonContactsResult,
  commonContacts,
} from './common-contacts.analysis.js';
export {
  type CommunitiesResult,
  type CommunityOptions,
  labelPropagation,
  louvain,
} from './communities.kernel.js';
export { type ComponentsResult, connectedComponents } from './components.kernel.js';
export {
  type ConnectingNetworkOptions,
  type ConnectingNetworkResult,
  connectingNetwork,
} from './connecting-network.analysis.js';
export { type ChainOptions, type ChainResult, chainPath, contactChain } from './contact-chain.analysis.js';
export { ContactGraph, type ContactGraphArrays } from './contact-graph.js';
export { type BuildOptions, CsrBuilder } from './csr-builder.js';
export { batchColumns, isSharedBatch, sharedInt32, sharedUint8, sharedUint32 } from './shared-arrays.js';
export { DeltaGraph } from './delta-graph.js';
export { compileScope, type EdgeFilter, edgePasses } from './edge-filter.js';
export { type GraphSource, graphSource, openGraphSource } from './graph-source.js';
export type { GraphView, NeighborVisitor } from './graph-view.js';
export type { HighDegreeOptions } from './high-degree.js';
export { type KernelArgs, type KernelName, type KernelResults, runKernel } from './kernel-registry.js';
export { allocBatch, graphToBatches, mergeGraphs, remapBatch } from './merge-graphs.js';
export { type ModularityOptions, modularity } from './modularity.js';
export { NeighborBuffer } from './neighbor-buffer.js';
export type { PathHop } from './path-evidence.js';
export { createRng, type Rng, randomInt, shuffleInPlace } from './prng.js';
export { runInWorker, type WorkerRunOptions } from './run-in-worker.js';
export { type PathResult, type ShortestPathOptions, shortestPath } from './shortest-path.analysis.js';
export { Scratch, ScratchPool } from './scratch-pool.js';
export { type ProjectOptions, projectGraph, type SimpleGraph } from './simple-graph.js';
export { loadSnapshot, saveSnapshot } from './snapshot.js';
export { extractSubgraph, type SubgraphResult } from './subgraph.analysis.js';
export { type Direction, type EdgeBatch, type EdgeEvidence, EventType, type Scope } from './types.js';
export {
  type SubjectId,
  type WatchedNumber,
  type WatchMatch,
  WatchlistIndex,
} from './watchlist-index.js';
