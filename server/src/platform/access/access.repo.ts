import { and, asc, eq } from 'drizzle-orm';
import type { CompartmentKind } from '#shared/modules/index';
import type { Queryable } from '../../db/client';
import { type CompartmentRow, compartmentMembers, compartments } from './access.schema';

export async function compartmentIdsOf(q: Queryable, userId: string): Promise<Set<string>> {
  const rows = await q
    .select({ id: compartmentMembers.compartmentId })
    .from(compartmentMembers)
    .where(eq(compartmentMembers.userId, userId));
  return new Set(rows.map((r) => r.id));
}

export async function insertCompartment(
  q: Queryable,
  values: { kind: CompartmentKind; name: string; description?: string },
): Promise<CompartmentRow> {
  const rows = await q.insert(compartments).values(values).returning();
  return rows[0]!;
}

export async function findCompartment(q: Queryable, id: string): Promise<CompartmentRow | undefined> {
  const rows = await q.select().from(compartments).where(eq(compartments.id, id)).limit(1);
  return rows[0];
}

export async function findCompartmentByName(q: Queryable, name: string): Promise<CompartmentRow | undefined> {
  const rows = await q.select().from(compartments).where(eq(compartments.name, name)).limit(1);
  return rows[0];
}

export async function listCompartments(q: Queryable): Promise<CompartmentRow[]> {
  return q.select().from(compartments).orderBy(asc(compartments.name));
}

/** Returns false when the user was already a member. */
export async function insertMember(
  q: Queryable,
  values: { compartmentId: string; userId: string; grantedBy: string | null },
): Promise<boolean> {
  const rows = await q.insert(compartmentMembers).values(values).onConflictDoNothing().returning();
  return rows.length > 0;
}

/** Returns false when the user was not a member. */
export async function deleteMember(q: Queryable, compartmentId: string, userId: string): Promise<boolean> {
  const rows = await q
    .delete(compartmentMembers)
    .where(and(eq(compartmentMembers.compartmentId, compartmentId), eq(compartmentMembers.userId, userId)))
    .returning();
  return rows.length > 0;
}
