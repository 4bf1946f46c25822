import { type AssignRoleBody, type HandOverBody, sourceRules } from '#shared/contracts/sources';
import type { AppContext } from '../../../app-context';
import type { Tx } from '../../../db/client';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError } from '../../../platform/errors';
import type { UserScope } from '../../../platform/request-scope';
import { currentHolders } from '../source-facts';
import { onSource, type SourceResult, type SourceState } from '../source-state';
import { endRole as endRoleRow, findRole, insertRole } from '../source-records.repo';
import { currentRolesOf, isCurrent, refuse } from '../sources.rules';
import type { SourceRoleRow } from '../sources.schema';
import { distinctPeopleRefusal, loadOfficerFor, requireKeeper } from './guards';
import { readIn, readOutIfNoRole } from './role-membership';

// Roles with periods (s.29(5), SI 2000/2725 reg. 3(h)(i)): assigned by the source's handler or
// controller, ended (never deleted), handed over. Taking a role reads the holder into the source's
// compartment; ending the last one reads them out (role-membership.ts).

interface NewRole {
  role: SourceRoleRow['role'];
  userId: string;
  from: Date;
  to: Date | null;
  handedOverFromId?: string;
  field: string;
}

/** Gives `userId` a role on the source, after every check of who may hold it. */
export async function giveRole(
  tx: Tx,
  scope: UserScope,
  state: SourceState,
  role: NewRole,
): Promise<SourceRoleRow> {
  const now = scope.clock.now();
  await loadOfficerFor(tx, state, role.userId, role.role, role.field);
  const refusal = distinctPeopleRefusal(state, role.userId, role.role, now);
  if (refusal) throw refusal;
  if (currentRolesOf(state.roles, role.userId, now).includes(role.role))
    throw new AppError('CONFLICT', `This officer is already the source's ${role.role}.`, {
      fields: [{ path: role.field, message: `already holds the ${role.role} role` }],
    });
  const current = isCurrent({ fromAt: role.from, toAt: role.to }, now);
  const row = await insertRole(tx, {
    sourceId: state.source.id,
    role: role.role,
    userId: role.userId,
    fromAt: role.from,
    toAt: role.to,
    readIn: current ? await readIn(tx, scope, state.source, role.userId) : false,
    handedOverFromId: role.handedOverFromId ?? null,
    createdBy: scope.actor.id,
    createdAt: now,
  });
  await recordAudit(tx, scope, {
    action: 'sources.role.assign',
    recordType: 'sources',
    recordId: state.source.id,
    fields: ['role', 'userId', 'from', ...(role.to ? ['to'] : [])],
  });
  return row;
}

/**
 * Assigns a role for a period from `from` (now by default, never later) until `to` (open when
 * absent; a period ending in the future is ended, and its holder read out, by the sweep).
 */
export function assignRole(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  input: AssignRoleBody,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    requireKeeper(state, { actor: scope.actor, now, config: ctx.config.sources });
    const from = input.from ? new Date(input.from) : now;
    const to = input.to ? new Date(input.to) : null;
    if (from > now)
      throw refuse(sourceRules.roleHistory, 'A role is assigned from now or from a past date, never ahead.', {
        fields: [{ path: 'body.from', message: 'must not be in the future' }],
      });
    if (to && to <= from)
      throw new AppError('VALIDATION_FAILED', 'A role ends after it starts.', {
        fields: [{ path: 'body.to', message: 'must be after from' }],
      });
    await giveRole(tx, scope, state, {
      role: input.role,
      userId: input.userId,
      from,
      to,
      field: 'body.userId',
    });
  });
}

/** Ends a role's period now, with the reason; its holder is read out if no other role of theirs is current. */
export function endRole(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  roleId: string,
  reason: string,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    requireKeeper(state, { actor: scope.actor, now, config: ctx.config.sources });
    const role = await findRole(tx, id, roleId);
    if (!role) throw AppError.notFound('Role');
    if (!isCurrent(role, now)) throw refuse(sourceRules.roleHistory, 'This role period has already ended.');
    await endRoleRow(tx, role.id, now, reason);
    await recordAudit(tx, scope, {
      action: 'sources.role.end',
      recordType: 'sources',
      recordId: id,
      fields: ['roleId', 'reason'],
    });
    await readOutIfNoRole(tx, scope, state.source, role.userId);
  });
}

/**
 * The recorded hand-over from one handler to another: the outgoing period ends as the incoming one
 * begins, the new role names the one it took over, the outgoing handler is read out (if no other
 * role of theirs is current) and the incoming one read in.
 */
export function handOver(
  ctx: AppContext,
  scope: UserScope,
  id: string,
  input: HandOverBody,
): Promise<SourceResult> {
  return onSource(ctx, scope, id, 'update', async (tx, state) => {
    const now = scope.clock.now();
    requireKeeper(state, { actor: scope.actor, now, config: ctx.config.sources });
    const outgoing = currentHolders(state, 'handler', now).find((r) => r.userId === input.fromUserId);
    if (!outgoing)
      throw refuse(
        sourceRules.roleHistory,
        'The officer handing over is not a current handler of this source.',
        {
          fields: [{ path: 'body.fromUserId', message: 'is not a current handler' }],
        },
      );
    if (input.toUserId === input.fromUserId)
      throw new AppError('VALIDATION_FAILED', 'A hand-over is to another officer.', {
        fields: [{ path: 'body.toUserId', message: 'must differ from fromUserId' }],
      });
    await endRoleRow(tx, outgoing.id, now, `Handed over: ${input.notes}`);
    const after = {
      ...state,
      roles: state.roles.map((r) => (r.id === outgoing.id ? { ...r, toAt: now } : r)),
    };
    await giveRole(tx, scope, after, {
      role: 'handler',
      userId: input.toUserId,
      from: now,
      to: null,
      handedOverFromId: outgoing.id,
      field: 'body.toUserId',
    });
    await recordAudit(tx, scope, {
      action: 'sources.role.hand-over',
      recordType: 'sources',
      recordId: id,
      fields: Object.keys(input),
    });
    await readOutIfNoRole(tx, scope, state.source, input.fromUserId);
  });
}
