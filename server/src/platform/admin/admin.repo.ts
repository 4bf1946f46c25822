import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { compartmentMembers, compartments } from '../access/access.schema';
import { users } from '../auth/auth.schema';
import { userTotp } from '../auth/mfa.schema';

// Read models for the administration screens: users with their memberships and MFA status,
// compartments with their members. Writes go through the auth and access repositories.

export interface MembershipRow {
  userId: string;
  compartmentId: string;
  compartmentName: string;
  kind: string;
  grantedAt: Date;
}

export async function membershipsOf(q: Queryable, userIds?: readonly string[]): Promise<MembershipRow[]> {
  if (userIds && userIds.length === 0) return [];
  return q
    .select({
      userId: compartmentMembers.userId,
      compartmentId: compartments.id,
      compartmentName: compartments.name,
      kind: compartments.kind,
      grantedAt: compartmentMembers.grantedAt,
    })
    .from(compartmentMembers)
    .innerJoin(compartments, eq(compartments.id, compartmentMembers.compartmentId))
    .where(userIds ? inArray(compartmentMembers.userId, [...userIds]) : undefined)
    .orderBy(asc(compartments.name));
}

/** Users who have confirmed a TOTP enrolment. */
export async function mfaEnrolledUserIds(q: Queryable, userIds?: readonly string[]): Promise<Set<string>> {
  if (userIds && userIds.length === 0) return new Set();
  const confirmed = isNotNull(userTotp.confirmedAt);
  const rows = await q
    .select({ userId: userTotp.userId })
    .from(userTotp)
    .where(userIds ? and(confirmed, inArray(userTotp.userId, [...userIds])) : confirmed);
  return new Set(rows.map((r) => r.userId));
}

export interface MemberRow {
  compartmentId: string;
  userId: string;
  username: string;
  displayName: string;
  grantedAt: Date;
  grantedBy: string | null;
}

const granter = alias(users, 'granter');

export async function membersOf(q: Queryable, compartmentIds?: readonly string[]): Promise<MemberRow[]> {
  if (compartmentIds && compartmentIds.length === 0) return [];
  return q
    .select({
      compartmentId: compartmentMembers.compartmentId,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      grantedAt: compartmentMembers.grantedAt,
      grantedBy: granter.username,
    })
    .from(compartmentMembers)
    .innerJoin(users, eq(users.id, compartmentMembers.userId))
    .leftJoin(granter, eq(granter.id, compartmentMembers.grantedBy))
    .where(compartmentIds ? inArray(compartmentMembers.compartmentId, [...compartmentIds]) : undefined)
    .orderBy(asc(users.username));
}
