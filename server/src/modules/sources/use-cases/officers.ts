import { type OfficerCandidatesResponse, type SourceRole, sourceRoles } from '#shared/contracts/sources';
import type { Classification } from '#shared/contracts/markings';
import type { Role } from '#shared/contracts/roles';
import type { AppContext } from '../../../app-context';
import { holdsCaveats, holdsClearance } from '../../../platform/access/policy';
import type { UserScope } from '../../../platform/request-scope';
import { activeOfficersWithRoles } from '../source-lists.repo';
import { onSource } from '../source-state';
import { currentRolesOf } from '../sources.rules';
import { distinctPeopleRefusal } from './guards';

const sourceJobRoles: Role[] = ['handler', 'controller', 'record-keeper', 'authorising-officer'];

/**
 * The officers who may take a role on this source: active, holding one of the roles a source has,
 * and cleared for its markings. Only for those who keep the source's roles (a read of staff names,
 * not of records). `mayHold` is each officer's roles they may take on it now, by the rules the
 * assignment applies (roles.ts): the matching job role, not already held, and the AO, handler and
 * controller three different people with the AO holding no other role.
 */
export async function listOfficerCandidates(
  ctx: AppContext,
  scope: UserScope,
  id: string,
): Promise<OfficerCandidatesResponse> {
  let items: OfficerCandidatesResponse['items'] = [];
  await onSource(ctx, scope, id, 'read', async (tx, state) => {
    const now = scope.clock.now();
    const mayHold = (userId: string, jobRoles: readonly string[]): SourceRole[] =>
      sourceRoles.filter(
        (role) =>
          jobRoles.includes(role) &&
          !currentRolesOf(state.roles, userId, now).includes(role) &&
          distinctPeopleRefusal(state, userId, role, now) === null,
      );
    items = (await activeOfficersWithRoles(tx, sourceJobRoles))
      .filter((u) => {
        const markings = { clearance: u.clearance as Classification, caveats: u.caveats };
        return holdsClearance(markings, state.source) && holdsCaveats(markings, state.source);
      })
      .map((u) => ({
        id: u.id,
        displayName: u.displayName,
        roles: (u.roles as Role[]).filter((r) => sourceJobRoles.includes(r)),
        mayHold: mayHold(u.id, u.roles as string[]),
      }));
  });
  return { items };
}
