import { type SourceRole, type SourceStatus, sourceRules } from '#shared/contracts/sources';
import type { Classification } from '#shared/contracts/markings';
import type { Queryable } from '../../../db/client';
import { holdsCaveats, holdsClearance } from '../../../platform/access/policy';
import type { UserRow } from '../../../platform/auth/auth.schema';
import { findUserById } from '../../../platform/auth/users.repo';
import { AppError } from '../../../platform/errors';
import { type SourceFacts, currentHolders } from '../source-facts';
import { keepsSource, type PolicyContext } from '../sources.policy';
import { currentRolesOf, refuse } from '../sources.rules';

// The checks the use cases share, each refusing with the rule it enforces.

/** Only a current handler or controller keeps the source's record (s.29(5)(a)(b)). */
export function requireKeeper(facts: SourceFacts, p: PolicyContext): void {
  if (!keepsSource(facts, p))
    throw refuse(
      sourceRules.roleOnSource,
      'Only a current handler or controller of this source may do this.',
    );
}

/** Only the source's current controller (general oversight, s.29(5)(b)). */
export function requireController(facts: SourceFacts, p: PolicyContext, what: string): void {
  if (!currentRolesOf(facts.roles, p.actor.id, p.now).includes('controller'))
    throw refuse(sourceRules.roleOnSource, `Only the source's controller may ${what}.`);
}

export function requireStatus(facts: SourceFacts, allowed: readonly SourceStatus[], what: string): void {
  if (!allowed.includes(facts.source.status))
    throw refuse(sourceRules.status, `A source that is ${facts.source.status} cannot ${what}.`, {
      status: facts.source.status,
    });
}

/** s.29(5): a handler, a controller and a record keeper in place, and the handler is not the controller. */
export function requireArrangements(facts: SourceFacts, now: Date): void {
  const holders = (role: SourceRole) => currentHolders(facts, role, now).map((r) => r.userId);
  const missing = (['handler', 'controller', 'record-keeper'] as const).filter(
    (r) => holders(r).length === 0,
  );
  if (missing.length > 0)
    throw refuse(
      sourceRules.arrangements,
      `The source has no current ${missing.join(', ')}: an authorisation needs all three in place.`,
      { missing },
    );
  if (holders('handler').some((id) => holders('controller').includes(id)))
    throw refuse(sourceRules.distinctPeople, 'The handler and the controller must be different people.');
}

/** The three-people rule at assignment: AO, handler and controller are different people; an AO holds no case role. */
export function distinctPeopleRefusal(
  facts: SourceFacts,
  userId: string,
  role: SourceRole,
  now: Date,
): AppError | null {
  const held = currentRolesOf(facts.roles, userId, now).filter((r) => r !== role);
  const triad: readonly SourceRole[] = ['handler', 'controller', 'authorising-officer'];
  if (triad.includes(role) && held.some((r) => triad.includes(r)))
    return refuse(
      sourceRules.distinctPeople,
      `This officer is already the source's ${held.find((r) => triad.includes(r))}: the authorising officer, handler and controller are three different people.`,
    );
  if (
    (role === 'authorising-officer' && held.length > 0) ||
    (role !== 'authorising-officer' && held.includes('authorising-officer'))
  )
    return refuse(sourceRules.ownCase, 'The authorising officer holds no other role on the source.');
  return null;
}

/**
 * An officer who may take `role` on this source: an active account holding the matching job role
 * and cleared for the source's markings (else they could not see what they hold a role on).
 */
export async function loadOfficerFor(
  q: Queryable,
  facts: SourceFacts,
  userId: string,
  role: SourceRole,
  field: string,
): Promise<UserRow> {
  const user = await findUserById(q, userId);
  if (!user || user.disabledAt) throw AppError.notFound('Officer');
  if (!(user.roles as string[]).includes(role))
    throw refuse(sourceRules.roleOnSource, `${user.displayName} does not hold the ${role} role.`, {
      fields: [{ path: field, message: `does not hold the ${role} role` }],
    });
  const officer = { clearance: user.clearance as Classification, caveats: user.caveats };
  if (!holdsClearance(officer, facts.source) || !holdsCaveats(officer, facts.source))
    throw refuse(sourceRules.clearance, `${user.displayName} is not cleared for this source's markings.`, {
      fields: [{ path: field, message: "is not cleared for the source's markings" }],
    });
  return user;
}

/** A date the form sent that must not be in the future (a date of birth, a recruitment). */
export function notInFuture(value: string, now: Date, field: string): void {
  if (value > now.toISOString().slice(0, 10))
    throw new AppError('VALIDATION_FAILED', `${field} is in the future.`, {
      fields: [{ path: field, message: 'must not be in the future' }],
    });
}
