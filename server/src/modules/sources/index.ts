// The sources module's public surface: what the server's registry, other modules (issue 21: the
// handling life builds on this one) and the console may use. Everything else in this folder is the
// module's own. The manifest and contract are in shared/contracts/sources*.ts.

export { sourcesServerModule } from './sources.module';
export {
  buildSource,
  buildOfficer,
  scopeFor,
  type BuiltSource,
  type SourceOverrides,
} from './sources.factory';
export { buildSourcesDemo } from './sources.demo';

// For the handling module: load a source for an action as every use case here does, its state and
// flags, and raise the contact alerts (contact after cancellation, status drift).
export { onSource, loadSourceState, type SourceResult, type SourceState } from './source-state';
export { sourceFlags, vaultAccess, authorisationInForce, type SourceFacts } from './source-facts';
export { raiseContactAlert, listAlerts } from './use-cases/alerts';
export { findSource } from './sources.repo';

// Use cases: each takes the app's context and a user's scope, and owns its transaction.
export { createSource } from './use-cases/create-source';
export { readSource } from './use-cases/read-source';
export { listSources, countSources } from './use-cases/list-sources';
export { readIdentity, writeIdentity } from './use-cases/identity';
export { assignRole, endRole, handOver } from './use-cases/roles';
export { decideApproach, recordRecruitment, requestApproach } from './use-cases/approach-and-recruitment';
export { writeUpUrgentGrant } from './use-cases/write-up';
export { applyForAuthorisation } from './use-cases/apply-authorisation';
export { decideAuthorisation } from './use-cases/decide-authorisation';
export { submitReview, considerReview } from './use-cases/reviews';
export { applyForRenewal, decideRenewal, recordJudicialApproval } from './use-cases/renewals';
export { applyForCca, decideCca, recordCcaNotice, renewCca, cancelCca } from './use-cases/ccas';
export { suspendSource, resumeSource, cancelSource, closeSource } from './use-cases/change-status';
export { requestBreakGlass, decideBreakGlass } from './use-cases/break-glass';
export { listQueue } from './use-cases/queue';
export { readCentralRecord, exportCentralRecord } from './use-cases/central-record';
export { presentSource, presentSourceSummary } from './sources.presenter';

// The handling life (issue 21): what other modules receive — the sanitised products released to
// the caller (Investigations), never the report or source behind them.
export { listReleasedProducts } from './handling/use-cases/intelligence';
export { buildHandlingDemo } from './handling/handling.demo';
