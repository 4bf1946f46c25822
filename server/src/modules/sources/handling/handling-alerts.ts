import { and, inArray, isNull, lt } from 'drizzle-orm';
import type { Queryable } from '../../../db/client';
import type { ComputedAlert } from '../source-facts';
import { sourceHandlerTasks } from './handling.schema';

/**
 * The handling life's compliance alerts for Sources I's alert list: a risk re-assessment raised by a
 * trigger and not done by its due date (`reassessment-overdue`), by source id. The caller passes
 * only sources the actor may see.
 */
export async function handlingAlertsOf(
  q: Queryable,
  sourceIds: readonly string[],
  now: Date,
): Promise<Map<string, ComputedAlert[]>> {
  const map = new Map<string, ComputedAlert[]>();
  if (sourceIds.length === 0) return map;
  const overdue = await q
    .select()
    .from(sourceHandlerTasks)
    .where(
      and(
        inArray(sourceHandlerTasks.sourceId, [...sourceIds]),
        isNull(sourceHandlerTasks.doneAt),
        lt(sourceHandlerTasks.dueAt, now),
      ),
    );
  for (const t of overdue)
    map.set(t.sourceId, [
      ...(map.get(t.sourceId) ?? []),
      {
        kind: 'reassessment-overdue',
        subjectId: t.id,
        at: t.dueAt,
        message: `A risk re-assessment (${t.trigger}) was due on ${t.dueAt.toISOString().slice(0, 10)}.`,
      },
    ]);
  return map;
}
