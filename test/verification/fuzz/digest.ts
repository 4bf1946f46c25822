import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Queryable } from '#server/db/client';

/**
 * Tables a refused request writes on purpose: the audit chain's head (it moves with every audit
 * row) and the sign-in throttle, which counts failed sign-ins so that it can refuse the next ones.
 */
const writtenOnPurpose = ['audit_head', 'sign_in_throttle'].map((t) => `'${t}'`).join(', ');

/** Audit actions written on purpose when a request is refused: left out of the digest. */
export const refusalActions = ['auth.sign-in-failed', 'auth.sign-in-locked', 'auth.token-rejected'];

async function rowsOf<T>(q: Queryable, query: ReturnType<typeof sql.raw>): Promise<T[]> {
  const result = await q.execute(query);
  return (result as unknown as { rows?: T[] }).rows ?? (result as unknown as T[]);
}

/**
 * A digest of every row (of the audit log, which is insert-only, the rows after `auditFrom`; the audit log's rows of refused requests aside: sign-in failures, rejected
 * tokens, and what a refused request audited as an attempt, by its request id) of every table (sequences and the audit chain's head aside, which move
 * with what they count): equal before and after a batch of refused requests, or they changed data.
 */
export async function databaseDigest(
  q: Queryable,
  refusedRequests: ReadonlySet<string> = new Set(),
  auditFrom = 0n,
): Promise<string> {
  const tables = await rowsOf<{ name: string }>(
    q,
    sql.raw(`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where c.relkind in ('r', 'p') and n.nspname = 'public' and c.relname not in (${writtenOnPurpose}) order by 1`),
  );
  const skip = refusalActions.map((a) => `'${a}'`).join(', ');
  // Request ids are UUIDs the server made (checked, so nothing else reaches the SQL).
  const ids = [...refusedRequests].filter((id) => /^[0-9a-f-]{36}$/.test(id)).map((id) => `'${id}'`);
  const refusedRows = ids.length
    ? ` and (r.request_id is null or r.request_id not in (${ids.join(', ')}))`
    : '';
  const parts = tables.map(
    ({ name }) =>
      `select '${name}' as t, count(*)::text as n, coalesce(sum(('x' || substr(md5(r::text), 1, 15))::bit(60)::bigint::numeric), 0)::text as d from "${name}" r` +
      (name === 'audit_events'
        ? ` where r.seq > ${BigInt(auditFrom)} and r.action not in (${skip})${refusedRows}`
        : ''),
  );
  const rows = await rowsOf<{ t: string; n: string; d: string }>(q, sql.raw(parts.join(' union all ')));
  return createHash('sha256')
    .update(rows.map((r) => `${r.t}:${r.n}:${r.d}`).join('\n'))
    .digest('hex');
}

/** The audit log's last sequence number: rows up to it cannot change (the log is insert-only). */
export async function lastAuditSeq(q: Queryable): Promise<bigint> {
  const [r] = await rowsOf<{ seq: string | null }>(
    q,
    sql.raw('select max(seq)::text as seq from audit_events'),
  );
  return BigInt(r?.seq ?? 0);
}
