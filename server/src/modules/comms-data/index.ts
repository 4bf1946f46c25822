// The comms-data module's public surface: what other modules, the server's registry, the demo
// seed and the console may use. Everything else in this folder is the module's own (its tables,
// repos, routes and helpers change without notice). Two other doors, each for one kind of caller:
// `store/index.ts`, the analytics store's interface (DuckDB, no server or PostgreSQL: the
// benchmarks), and `comms.test-support.ts` (tests of other modules).

export { commsServerModule } from './comms.module';
export { type CommsServices, openCommsServices } from './comms-services';

// Use cases: each takes one RequestScope (a user's, or `consoleScope(clock)`) and owns its transaction.
export { createDataset } from './use-cases/create-dataset';
export { listDatasets, readDataset, readDatasetImports, readImport } from './use-cases/read-dataset';
export { completeDestructions, destroyDataset } from './use-cases/destroy-dataset';
export { type ImportInput, importDatasetFiles } from './use-cases/import-dataset-files';
export { importDatasetCellSites } from './use-cases/import-cell-sites';
export { startImport } from './use-cases/start-import';
export { cancelImport } from './use-cases/cancel-import';
export { INTERRUPTED_ERROR, recoverInterruptedImports } from './use-cases/recover-interrupted-imports';
export {
  checkProfile,
  findProfile,
  listProfiles,
  listProfilesPage,
  registerProfile,
} from './use-cases/provider-profiles';
export { type AnalysisRequest, runAnalysis } from './use-cases/run-analysis';
export { addWatchlistEntries, readWatchlist } from './use-cases/watchlist';

// The analyses a runAnalysis call runs.
export type { AnalysisContext } from './analyses/analysis-context';
export { chainAnalysis, commonAnalysis, networkAnalysis, pathAnalysis } from './analyses/graph-analyses';
export { centralityAnalysis, communitiesAnalysis } from './analyses/kernel-analyses';
export {
  coLocationAnalysis,
  pairEventsAnalysis,
  statsAnalysis,
  timelineAnalysis,
  watchlistMatchAnalysis,
} from './analyses/store-analyses';

// Views (the shapes are the contracts in shared/contracts/comms.ts) and the policy behind abilities.
export { presentDataset, presentImport } from './comms.presenter';
export { datasetAbilities } from './comms.policy';
export { progressView, summaryView } from './import-jobs';
