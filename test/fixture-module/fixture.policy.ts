import type { FixtureAbilities } from './fixture.contract';
import { rolesGrant } from '#server/platform/auth/permissions';
import type { Actor } from '#server/platform/auth/actor';
import { AppError } from '#server/platform/errors/index';
import { assertMayMark, decide, isReadInto, type ProtectedRecord } from '#server/platform/access/policy';

// The module's rules, as pure functions over the actor and the record: need-to-know comes from the
// platform's `decide` (not visible → 404, visible but not allowed → 403); what the module adds is
// which permission each action needs. Tested without a database (fixture.policy.test.ts).

/**
 * What the actor may do with a record they can see: sent with every record (`abilities`), so the
 * web shows a button only when the server would take the action.
 */
export function fixtureAbilitiesOf(actor: Actor, record: ProtectedRecord): FixtureAbilities {
  const writes = rolesGrant(actor.roles, 'fixture:write');
  return {
    update: writes && decide(actor, 'update', record).allowed,
    delete: writes && decide(actor, 'delete', record).allowed,
    readSecret: rolesGrant(actor.roles, 'fixture:read') && decide(actor, 'read-sensitive', record).allowed,
  };
}

/**
 * May the actor create a record with this marking in this compartment? A compartment they are not
 * read into is answered as one that does not exist (404, the same words as for an unknown id); a
 * marking above their clearance or with a caveat they lack is 400 naming the field and the rule;
 * the read-only inspector is 403.
 */
export function authorizeCreate(actor: Actor, target: ProtectedRecord): void {
  if (!isReadInto(actor, target)) throw AppError.notFound('Compartment');
  assertMayMark(actor, target);
  const decision = decide(actor, 'update', target);
  if (!decision.allowed && decision.visible)
    throw new AppError('FORBIDDEN', `You may not create records here: ${decision.reason}.`);
}
