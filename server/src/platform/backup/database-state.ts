import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrationsFolder, type Queryable } from '../../db/client';

/** Rows of a raw query, whichever driver ran it (PGlite answers `{ rows }`, node-postgres too). */
async function rowsOf<T>(q: Queryable, query: ReturnType<typeof sql.raw>): Promise<T[]> {
  const result = await q.execute(query);
  return (result as unknown as { rows?: T[] }).rows ?? (result as unknown as T[]);
}

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export interface DatabaseState {
  serverVersion: string;
  migrations: { applied: number; latest: string | null };
  tables: Record<string, { rows: number; digest: string }>;
  sequences: Record<string, string>;
}

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

/** The migrations this version of Lantern ships (server/src/db/migrations/meta/_journal.json). */
export function shippedMigrations(): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

/** How far the database's schema is migrated: applied count and the tag of the last one applied. */
export async function migrationLevel(q: Queryable): Promise<{ applied: number; latest: string | null }> {
  const exists = await rowsOf<{ present: boolean }>(
    q,
    sql.raw(`select to_regclass('drizzle.__drizzle_migrations') is not null as present`),
  );
  if (!exists[0]?.present) return { applied: 0, latest: null };
  const rows = await rowsOf<{ created_at: string | number }>(
    q,
    sql.raw('select created_at from drizzle.__drizzle_migrations order by created_at'),
  );
  const last = rows.at(-1);
  if (!last) return { applied: 0, latest: null };
  const when = Number(last.created_at);
  const entry = shippedMigrations().find((e) => e.when === when);
  return {
    applied: rows.length,
    latest: entry?.tag ?? `unknown migration of ${new Date(when).toISOString()}`,
  };
}

/**
 * The database's content in a form two databases can be compared by: every table's row count and
 * an order-independent digest of its rows (the sum of a 60-bit prefix of each row's MD5, rows
 * rendered as text in UTC and ISO styles so the session cannot change them), and every sequence's
 * position. A restored database must give the same answer as the one backed up. It detects damage
 * and loss, not a forger (the manifest is not signed; the audit chain is, and is verified apart).
 */
export async function databaseState(q: Queryable): Promise<DatabaseState> {
  return q.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local time zone 'UTC'`));
    await tx.execute(sql.raw(`set local datestyle = 'ISO, YMD'`));
    await tx.execute(sql.raw(`set local intervalstyle = 'postgres'`));
    await tx.execute(sql.raw(`set local extra_float_digits = 1`));
    const version = await rowsOf<{ v: string }>(tx, sql.raw('select version() as v'));
    const relations = await rowsOf<{ schema: string; name: string; kind: string }>(
      tx,
      sql.raw(`select n.nspname as schema, c.relname as name, c.relkind::text as kind
               from pg_class c join pg_namespace n on n.oid = c.relnamespace
               where c.relkind in ('r', 'p', 'S')
                 and n.nspname not in ('pg_catalog', 'information_schema')
                 and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
               order by 1, 2`),
    );
    const tables: DatabaseState['tables'] = {};
    const sequences: DatabaseState['sequences'] = {};
    for (const r of relations) {
      const qualified = `${ident(r.schema)}.${ident(r.name)}`;
      const key = `${r.schema}.${r.name}`;
      if (r.kind === 'S') {
        const [s] = await rowsOf<{ last_value: string; is_called: boolean }>(
          tx,
          sql.raw(`select last_value::text as last_value, is_called from ${qualified}`),
        );
        sequences[key] = `${s?.last_value ?? '?'}${s?.is_called ? '' : '*'}`;
        continue;
      }
      const [t] = await rowsOf<{ rows: string | number; digest: string }>(
        tx,
        sql.raw(`select count(*)::bigint as rows,
                 coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint::numeric), 0)::text as digest
                 from only ${qualified} t`),
      );
      tables[key] = { rows: Number(t?.rows ?? 0), digest: String(t?.digest ?? '0') };
    }
    return {
      serverVersion: version[0]?.v ?? 'unknown',
      migrations: await migrationLevel(tx),
      tables,
      sequences,
    };
  });
}

/** The master key versions that wrap the database's data keys (what a restore needs the files of). */
export async function masterKeyVersionsInUse(q: Queryable): Promise<number[]> {
  const exists = await rowsOf<{ present: boolean }>(
    q,
    sql.raw(`select to_regclass('public.record_keys') is not null as present`),
  );
  if (!exists[0]?.present) return [];
  const rows = await rowsOf<{ v: number }>(
    q,
    sql.raw('select distinct master_version as v from record_keys order by 1'),
  );
  return rows.map((r) => Number(r.v));
}

/** Tables and sequences that differ between two states, one line each (empty when they agree). */
export function stateDifferences(expected: DatabaseState, actual: DatabaseState): string[] {
  const out: string[] = [];
  const names = new Set([...Object.keys(expected.tables), ...Object.keys(actual.tables)]);
  for (const name of [...names].sort()) {
    const [e, a] = [expected.tables[name], actual.tables[name]];
    if (!a) out.push(`table ${name} is missing`);
    else if (!e) out.push(`table ${name} is not in the backup`);
    else if (e.rows !== a.rows) out.push(`table ${name} has ${a.rows} rows, the backup ${e.rows}`);
    else if (e.digest !== a.digest) out.push(`table ${name}: its rows differ from the backup's`);
  }
  const seqs = new Set([...Object.keys(expected.sequences), ...Object.keys(actual.sequences)]);
  for (const name of [...seqs].sort())
    if (expected.sequences[name] !== actual.sequences[name])
      out.push(
        `sequence ${name} is at ${actual.sequences[name] ?? 'nothing'}, the backup ${expected.sequences[name] ?? 'nothing'}`,
      );
  return out;
}
