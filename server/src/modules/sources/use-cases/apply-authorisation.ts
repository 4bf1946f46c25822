import { type ApplicationBody, sourceRules } from '#shared/contracts/sources';
import type { AppContext } from '../../../app-context';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError } from '../../../platform/errors';
import type { UserScope } from '../../../platform/request-scope';
import { insertAuthorisation } from '../authorisations.repo';
import { authorisationInForce, currentHolders, pendingApplication } from '../source-facts';
import { onSource, type SourceResult } from '../source-state';
import { isUnder16, refuse } from '../sources.rules';
import { requireKeeper, requireStatus } from './guards';
import { giveRole } from './roles';

const field = (path: string, message: string) => ({ fields: [{ path, message }] });

/**
 * An application for an authorisation (LAW.md §1), by the source's handler or controller: the
 * ground from the agency's allowed subset, necessity, proportionality, the purpose of the tasking,
 * the operation, the conduct, collateral intrusion and why it is justified, the material expected,
 * the urgency and why. Put to an authorising officer, who is read into the source as its AO. It
 * waits in the AO's queue; nothing is in force until granted.
 */
export function applyForAuthorisation(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  input: ApplicationBody,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    const config = ctx.config.sources;
    requireKeeper(state, { actor: scope.actor, now, config });
    if (state.source.status === 'prospect' || state.source.status === 'approach-approved')
      throw refuse(sourceRules.status, 'Record the recruitment before applying for an authorisation.');
    requireStatus(state, ['recruited', 'authorised'], 'have an authorisation applied for');
    if (pendingApplication(state))
      throw refuse(sourceRules.status, 'An application is already waiting for a decision.');
    if (authorisationInForce(state, now))
      throw refuse(
        sourceRules.renewBeforeExpiry,
        'An authorisation is in force: apply for its renewal instead.',
      );
    if (!config.allowedGrounds.includes(input.ground))
      throw refuse(
        sourceRules.necessity,
        `This agency may not rely on the ground '${input.ground}'.`,
        field('body.ground', 'not a ground this agency may use'),
      );
    if (input.urgency === 'urgent' && !input.urgencyReason)
      throw new AppError('VALIDATION_FAILED', 'An urgent application says why it is urgent.', {
        ...field('body.urgencyReason', 'required when urgent'),
        rule: sourceRules.duration,
      });
    if (input.expectedMaterial !== 'none' && !input.materialDetails)
      throw new AppError('VALIDATION_FAILED', 'Describe the confidential or privileged material expected.', {
        ...field('body.materialDetails', 'required when material is expected'),
        rule: sourceRules.authorisationLevel,
      });
    if (input.againstParent && isUnder16(state.identity.dateOfBirth, now))
      throw refuse(
        sourceRules.juvenileParent,
        'A source under 16 is never authorised against a parent or a person with parental responsibility.',
      );
    let aoId = currentHolders(state, 'authorising-officer', now)[0]?.userId;
    if (input.authorisingOfficerId && input.authorisingOfficerId !== aoId) {
      await giveRole(tx, scope, state, {
        role: 'authorising-officer',
        userId: input.authorisingOfficerId,
        from: now,
        to: null,
        field: 'body.authorisingOfficerId',
      });
      aoId = input.authorisingOfficerId;
    }
    if (!aoId)
      throw new AppError('VALIDATION_FAILED', 'Name the authorising officer the application is put to.', {
        ...field('body.authorisingOfficerId', 'required: the source has no authorising officer'),
        rule: sourceRules.roleOnSource,
      });
    const row = await insertAuthorisation(tx, {
      sourceId: id,
      status: 'applied',
      ground: input.ground,
      necessity: input.necessity,
      proportionality: input.proportionality,
      purpose: input.purpose,
      operation: input.operation,
      conduct: input.conduct,
      collateralIntrusion: input.collateralIntrusion,
      collateralJustification: input.collateralJustification,
      expectedMaterial: input.expectedMaterial,
      materialDetails: input.materialDetails ?? null,
      urgency: input.urgency,
      urgencyReason: input.urgencyReason ?? null,
      againstParent: input.againstParent,
      appliedBy: scope.actor.id,
      appliedAt: now,
      authorisingOfficerId: aoId,
    });
    await recordAudit(tx, scope, {
      action: 'sources.authorisation.apply',
      recordType: 'source_authorisations',
      recordId: row.id,
      fields: Object.keys(input),
    });
  });
}
