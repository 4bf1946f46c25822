import type { AdminUserView, CompartmentView } from '#shared/contracts/admin';
import type { Classification } from '#shared/contracts/markings';
import type { Role } from '#shared/contracts/roles';
import type { CompartmentRow } from '../access/access.schema';
import type { UserRow } from '../auth/auth.schema';
import type { MemberRow, MembershipRow } from './admin.repo';

/** Access facts only: never the password hash or MFA secrets. */
export function presentAdminUser(
  user: UserRow,
  memberships: readonly MembershipRow[],
  mfaEnrolled: boolean,
): AdminUserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles as Role[],
    clearance: user.clearance as Classification,
    caveats: user.caveats,
    status: user.disabledAt ? 'disabled' : 'active',
    disabledAt: user.disabledAt?.toISOString() ?? null,
    mfaEnrolled,
    memberships: memberships.map((m) => ({
      compartmentId: m.compartmentId,
      compartmentName: m.compartmentName,
      kind: m.kind,
      grantedAt: m.grantedAt.toISOString(),
    })),
    createdAt: user.createdAt.toISOString(),
  };
}

export function presentCompartment(
  compartment: CompartmentRow,
  members: readonly MemberRow[],
): CompartmentView {
  return {
    id: compartment.id,
    kind: compartment.kind,
    name: compartment.name,
    description: compartment.description,
    createdAt: compartment.createdAt.toISOString(),
    members: members.map((m) => ({
      userId: m.userId,
      username: m.username,
      displayName: m.displayName,
      grantedAt: m.grantedAt.toISOString(),
      grantedBy: m.grantedBy,
    })),
  };
}
