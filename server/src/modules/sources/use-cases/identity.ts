import type { IdentityBody, IdentityView } from '#shared/contracts/sources';
import type { AppContext } from '../../../app-context';
import { withActorTx } from '../../../platform/access/actor-tx';
import { loadVisible } from '../../../platform/access/load-visible';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError } from '../../../platform/errors';
import type { UserScope } from '../../../platform/request-scope';
import { vaultAccess } from '../source-facts';
import { loadFacts, onSource, type SourceResult } from '../source-state';
import { sourceVault, type TrueIdentity } from '../sources.cipher';
import { findIdentity, findSource, upsertIdentity } from '../sources.repo';
import { notInFuture, requireKeeper } from './guards';

const identityFields = [
  'name',
  'dateOfBirth',
  'addresses',
  'documents',
  'identitiesUsed',
  'appropriateAdult',
];

/**
 * The sensitive read (reg. 3(a)(b)): the true identity, decrypted for the source's current handler,
 * controller or authorising officer, or for an officer whose break-glass request a second officer
 * approved and whose time box is open. Anyone else — read in or not, the administrator included —
 * gets 404, exactly as for a source that does not exist. Audited before the value leaves, in the
 * same transaction: if the audit cannot be written, nothing is read.
 */
export function readIdentity(ctx: AppContext, scope: UserScope, id: string): Promise<IdentityView> {
  return withActorTx(ctx, scope, async (tx) => {
    const source = await loadVisible(scope.actor, 'read-sensitive', 'Source', () => findSource(tx, id));
    const facts = (await loadFacts(ctx, tx, [source])).get(source.id)!;
    const access = vaultAccess(facts, scope.actor.id, scope.clock.now());
    if (!access) throw AppError.notFound('Source');
    await recordAudit(tx, scope, {
      action: access === 'role' ? 'sources.identity.read' : 'sources.identity.read-break-glass',
      recordType: 'sources',
      recordId: source.id,
      fields: identityFields,
    });
    const row = await findIdentity(tx, source.id);
    if (!row) return { identity: null, updatedAt: null, access };
    const identity = await sourceVault(ctx, tx).decryptIdentity(source.id, row.identityEnc);
    return { identity, updatedAt: row.updatedAt.toISOString(), access };
  });
}

/**
 * Writes the vault whole, encrypted under the source's key (never in clear in a table, a log, an
 * error or an export), by the source's current handler or controller. Audited by field names.
 */
export function writeIdentity(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  input: IdentityBody,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    requireKeeper(state, { actor: scope.actor, now, config: ctx.config.sources });
    notInFuture(input.dateOfBirth, now, 'body.dateOfBirth');
    const identity: TrueIdentity = {
      name: input.name,
      dateOfBirth: input.dateOfBirth,
      addresses: input.addresses,
      documents: input.documents.map((d) => ({ kind: d.kind, number: d.number, issuer: d.issuer ?? null })),
      identitiesUsed: input.identitiesUsed,
      appropriateAdult: input.appropriateAdult ?? null,
    };
    const vault = sourceVault(ctx, tx);
    await upsertIdentity(tx, {
      sourceId: id,
      identityEnc: await vault.encryptIdentity(id, identity),
      birthDateEnc: await vault.encryptBirthDate(id, input.dateOfBirth),
      appropriateAdultRecorded: identity.appropriateAdult !== null,
      updatedBy: scope.actor.id,
      updatedAt: now,
    });
    await recordAudit(tx, scope, {
      action: 'sources.identity.write',
      recordType: 'sources',
      recordId: id,
      fields: Object.keys(input),
    });
  });
}
