import { eq, inArray } from 'drizzle-orm';
import type { OfficerRef } from '#shared/contracts/sources';
import type { AppContext } from '../../app-context';
import type { Queryable, Tx } from '../../db/client';
import { compartmentIdsOf } from '../../platform/access/access.repo';
import { withActorTx } from '../../platform/access/actor-tx';
import { loadVisible } from '../../platform/access/load-visible';
import type { RecordAction } from '../../platform/access/policy';
import type { Actor } from '../../platform/auth/actor';
import { users } from '../../platform/auth/auth.schema';
import type { UserScope } from '../../platform/request-scope';
import {
  authorisationsOf,
  ccaRenewalsOf,
  ccaNoticesOf,
  ccasOf,
  judicialApprovalsOf,
  renewalsOf,
  reviewsOf,
} from './authorisations.repo';
import type { IdentityFacts, SourceFacts } from './source-facts';
import {
  approachRequestsOf,
  assessmentsOf,
  authoritiesOf,
  breakGlassOf,
  eventAlertsOf,
  findApproach,
  findRecruitment,
  rolesOf,
} from './source-records.repo';
import { sourceVault } from './sources.cipher';
import { findSource, identitiesOf } from './sources.repo';
import {
  type SourceApproachRow,
  type SourceAuthorityRow,
  type SourceCcaRenewalRow,
  type SourceRecruitmentRow,
  type SourceRow,
  sources,
} from './sources.schema';

// Loading what the rules and the views read about a source, in the use case's transaction. The
// date of birth is decrypted here, for the juvenile flags only: it never leaves the server.

/** A source with everything its page shows, and the display names of the officers it names. */
export interface SourceState extends SourceFacts {
  authorities: SourceAuthorityRow[];
  approach: SourceApproachRow | undefined;
  /** Renewals of the source's CCAs (each with its reasons and its run-on expiry). */
  ccaRenewals: SourceCcaRenewalRow[];
  recruitment: SourceRecruitmentRow | undefined;
  officers: Map<string, OfficerRef>;
}

/** What a use case on one source answers: its state, and the actor as the transaction left them. */
export interface SourceResult {
  state: SourceState;
  /** The actor with the compartments they are read into after the change (a role reads in or out). */
  viewer: Actor;
}

function groupBy<T extends { sourceId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.sourceId, [...(map.get(row.sourceId) ?? []), row]);
  return map;
}

/** The vault's facts per source: whether it is recorded, and the decrypted date of birth. */
async function identityFactsOf(
  ctx: Pick<AppContext, 'keys'>,
  tx: Queryable,
  sourceIds: readonly string[],
): Promise<Map<string, IdentityFacts>> {
  const vault = sourceVault(ctx, tx);
  const facts = new Map<string, IdentityFacts>();
  for (const row of await identitiesOf(tx, sourceIds))
    facts.set(row.sourceId, {
      recorded: true,
      appropriateAdultRecorded: row.appropriateAdultRecorded,
      dateOfBirth: await vault.decryptBirthDate(row.sourceId, row.birthDateEnc),
    });
  return facts;
}

const noIdentity: IdentityFacts = { recorded: false, appropriateAdultRecorded: false, dateOfBirth: null };

/** The facts of several sources at once (lists, alerts, the queue): a query per table, not per source. */
export async function loadFacts(
  ctx: Pick<AppContext, 'keys'>,
  tx: Queryable,
  rows: readonly SourceRow[],
  options: { identities?: boolean } = {},
): Promise<Map<string, SourceFacts>> {
  const ids = rows.map((r) => r.id);
  const [
    roles,
    authorisations,
    renewals,
    reviews,
    approvals,
    ccas,
    notices,
    assessments,
    glass,
    alerts,
    requests,
  ] = await Promise.all([
    rolesOf(tx, ids),
    authorisationsOf(tx, ids),
    renewalsOf(tx, ids),
    reviewsOf(tx, ids),
    judicialApprovalsOf(tx, ids),
    ccasOf(tx, ids),
    ccaNoticesOf(tx, ids),
    assessmentsOf(tx, ids),
    breakGlassOf(tx, ids),
    eventAlertsOf(tx, ids),
    approachRequestsOf(tx, ids),
  ]);
  const identities =
    options.identities === false ? new Map<string, IdentityFacts>() : await identityFactsOf(ctx, tx, ids);
  const by = {
    roles: groupBy(roles),
    authorisations: groupBy(authorisations),
    renewals: groupBy(renewals),
    reviews: groupBy(reviews),
    approvals: groupBy(approvals),
    ccas: groupBy(ccas),
    notices: groupBy(notices),
    assessments: groupBy(assessments),
    glass: groupBy(glass),
    alerts: groupBy(alerts),
    requests: groupBy(requests),
  };
  return new Map(
    rows.map((source) => [
      source.id,
      {
        source,
        roles: by.roles.get(source.id) ?? [],
        approachRequests: by.requests.get(source.id) ?? [],
        authorisations: by.authorisations.get(source.id) ?? [],
        renewals: by.renewals.get(source.id) ?? [],
        reviews: by.reviews.get(source.id) ?? [],
        judicialApprovals: by.approvals.get(source.id) ?? [],
        ccas: by.ccas.get(source.id) ?? [],
        notices: by.notices.get(source.id) ?? [],
        assessments: by.assessments.get(source.id) ?? [],
        breakGlass: by.glass.get(source.id) ?? [],
        eventAlerts: by.alerts.get(source.id) ?? [],
        identity: identities.get(source.id) ?? noIdentity,
      },
    ]),
  );
}

/** Display names of these users (officers named on records), by id. */
export async function officersOf(
  q: Queryable,
  ids: Iterable<string | null>,
): Promise<Map<string, OfficerRef>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await q
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Every officer a source's rows name. */
function officerIds(state: Omit<SourceState, 'officers'>): (string | null)[] {
  return [
    ...state.roles.map((r) => r.userId),
    ...state.authorisations.flatMap((a) => [a.appliedBy, a.authorisingOfficerId, a.decidedBy, a.cancelledBy]),
    ...state.renewals.flatMap((r) => [r.appliedBy, r.decidedBy]),
    ...state.reviews.flatMap((r) => [r.submittedBy, r.consideredBy]),
    ...state.judicialApprovals.map((a) => a.recordedBy),
    ...state.ccas.flatMap((c) => [c.appliedBy, c.decidedBy]),
    ...state.assessments.map((a) => a.assessedBy),
    ...state.breakGlass.flatMap((b) => [b.requestedBy, b.decidedBy]),
    ...state.approachRequests.flatMap((r) => [r.requestedBy, r.decidedBy, r.approachingOfficerId]),
    ...state.authorisations.map((a) => a.writtenUpBy),
    ...state.ccaRenewals.map((r) => r.renewedBy),
    state.approach?.approvedBy ?? null,
    state.approach?.approachingOfficerId ?? null,
    state.recruitment?.recordedBy ?? null,
  ];
}

/** One source's full state. */
export async function loadSourceState(
  ctx: AppContext,
  tx: Queryable,
  source: SourceRow,
): Promise<SourceState> {
  const facts = (await loadFacts(ctx, tx, [source])).get(source.id)!;
  const [authorities, approach, recruitment, ccaRenewals] = await Promise.all([
    authoritiesOf(tx, source.id),
    findApproach(tx, source.id),
    findRecruitment(tx, source.id),
    ccaRenewalsOf(tx, source.id),
  ]);
  const partial = { ...facts, authorities, approach, recruitment, ccaRenewals };
  return { ...partial, officers: await officersOf(tx, officerIds(partial)) };
}

/** Holds the source's row until the transaction ends: two changes to one source run one after the other. */
async function lockSource(tx: Tx, id: string): Promise<void> {
  await tx.select({ id: sources.id }).from(sources).where(eq(sources.id, id)).for('update');
}

/**
 * The way every use case on one source runs: in the actor's transaction, the source loaded for the
 * action (unknown and hidden alike → 404 "Source not found."; visible but not allowed → 403), locked
 * for a change, its state loaded; `work` applies the change; the answer is the state after it, with
 * the actor as the change left them (a role reads them in or out).
 */
export function onSource(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  action: RecordAction,
  work: (tx: Tx, state: SourceState) => Promise<void>,
): Promise<SourceResult> {
  return withActorTx(ctx, scope, async (tx) => {
    const source = await loadVisible(scope.actor, action, 'Source', () => findSource(tx, id));
    if (action !== 'read' && action !== 'read-sensitive') await lockSource(tx, source.id);
    await work(tx, await loadSourceState(ctx, tx, source));
    return resultOf(ctx, tx, scope.actor, source.id);
  });
}

/** The state of a source after a change, and the actor as it left them. */
export async function resultOf(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  sourceId: string,
): Promise<SourceResult> {
  const source = (await findSource(tx, sourceId))!;
  const viewer = { ...actor, compartmentIds: await compartmentIdsOf(tx, actor.id) };
  return { state: await loadSourceState(ctx, tx, source), viewer };
}
