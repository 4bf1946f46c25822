import type { AdminUserView, CompartmentView } from '#shared/contracts/admin';
import type { Queryable } from '../../db/client';
import { findCompartment, listCompartments } from '../access/access.repo';
import { findUserById, listUsers } from '../auth/users.repo';
import { AppError } from '../errors';
import { membersOf, membershipsOf, mfaEnrolledUserIds } from './admin.repo';
import { presentAdminUser, presentCompartment } from './admin.presenter';

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

export async function loadAdminUsers(q: Queryable): Promise<AdminUserView[]> {
  const [users, memberships, mfa] = [await listUsers(q), await membershipsOf(q), await mfaEnrolledUserIds(q)];
  const byUser = groupBy(memberships, (m) => m.userId);
  return users.map((u) => presentAdminUser(u, byUser.get(u.id) ?? [], mfa.has(u.id)));
}

export async function loadAdminUser(q: Queryable, userId: string): Promise<AdminUserView> {
  const user = await findUserById(q, userId);
  if (!user) throw AppError.notFound('User');
  const memberships = await membershipsOf(q, [user.id]);
  const mfa = await mfaEnrolledUserIds(q, [user.id]);
  return presentAdminUser(user, memberships, mfa.has(user.id));
}

export async function loadCompartments(q: Queryable): Promise<CompartmentView[]> {
  const [compartments, members] = [await listCompartments(q), await membersOf(q)];
  const byCompartment = groupBy(members, (m) => m.compartmentId);
  return compartments.map((c) => presentCompartment(c, byCompartment.get(c.id) ?? []));
}

export async function loadCompartment(q: Queryable, compartmentId: string): Promise<CompartmentView> {
  const compartment = await findCompartment(q, compartmentId);
  if (!compartment) throw AppError.notFound('Compartment');
  return presentCompartment(compartment, await membersOf(q, [compartment.id]));
}
