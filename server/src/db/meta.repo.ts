import { eq } from 'drizzle-orm';
import type { Queryable } from './client';
import { appMeta } from './meta.schema';

// Facts about this installation (`app_meta`): every query of it.

/** The value of a fact, or undefined when it was never set. */
export async function readMeta(q: Queryable, key: string): Promise<unknown> {
  const rows = await q.select().from(appMeta).where(eq(appMeta.key, key)).limit(1);
  return rows[0]?.value;
}

/** Records a fact for the first time, at `at` (a key already set is refused by its primary key). */
export async function insertMeta(q: Queryable, key: string, value: unknown, at: Date): Promise<void> {
  await q.insert(appMeta).values({ key, value, updatedAt: at });
}
