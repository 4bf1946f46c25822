import { rm } from 'node:fs/promises';
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue, listValue } from '@duckdb/node-api';

function num(v: DuckDBValue): number {
  return typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : v === null ? -1 : Number(String(v));
}

function ids(v: DuckDBValue): number[] {
  if (v === null) return [];
  return (v as { items: DuckDBValue[] }).items.map(num);
}

async function one(c: DuckDBConnection, sql: string): Promise<DuckDBValue[]> {
  const rows = (await c.runAndReadAll(sql)).getRows();
  return rows[0] ?? [];
}

/** DuckDB's own raw readers into a fresh database file: the ingest baseline. */
export async function rawIngest(path: string, format: 'csv' | 'parquet', dbFile: string): Promise<number> {
  await rm(dbFile, { force: true });
  await rm(`${dbFile}.wal`, { force: true });
  const db = await DuckDBInstance.create(dbFile);
  const c = await db.connect();
  try {
    const reader = format === 'csv' ? `read_csv('${path}')` : `read_parquet('${path}')`;
    await c.run(`CREATE TABLE raw AS SELECT * FROM ${reader}`);
    return num((await one(c, 'SELECT count(*) FROM raw'))[0]!);
  } finally {
    c.closeSync();
    db.closeSync();
    await rm(dbFile, { force: true });
  }
}

/** DuckDB's reader alone (count(*) in memory, nothing stored): the parse-rate ceiling. */
export async function rawScan(path: string, format: 'csv' | 'parquet'): Promise<number> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    const reader = format === 'csv' ? `read_csv('${path}')` : `read_parquet('${path}')`;
    return num((await one(c, `SELECT count(*) FROM ${reader}`))[0]!);
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

/** k-hop neighbourhood (both directions, seed included) as chained joins on the pairs table. */
function khopPairsSql(seed: number, hops: number, table = 'pairs', a = 'a_id', b = 'b_id'): string {
  const levels = [`l0 AS (SELECT ${seed}::INTEGER AS v)`];
  for (let h = 1; h <= hops; h++) {
    levels.push(`l${h} AS (SELECT p.${b} AS v FROM s.${table} p SEMI JOIN l${h - 1} x ON p.${a} = x.v
      UNION SELECT p.${a} FROM s.${table} p SEMI JOIN l${h - 1} x ON p.${b} = x.v)`);
  }
  const all = Array.from({ length: hops + 1 }, (_, h) => `SELECT v FROM l${h}`).join(' UNION ');
  return `WITH ${levels.join(', ')}, reach AS (${all})`;
}

/**
 * DuckDB SQL over the store's own database file (attached read-only): the raw `events` table,
 * the sorted `pairs` table, and an undirected adjacency `adj(u, v)` sorted by u for the
 * recursive CTEs (BFS with `USING KEY`, so each node is visited once).
 */
export class DuckDbSqlPeer {
  private constructor(
    private readonly db: DuckDBInstance,
    private readonly c: DuckDBConnection,
    private readonly cteBudgetMs: number,
  ) {}

  /**
   * `cteBudgetMs` bounds each recursive CTE (they grow much faster than the data: a shortest-path
   * CTE ran 40 min at L without an answer): past it the query is interrupted and reports null.
   */
  static async open(storeFile: string, cteBudgetMs = Number.POSITIVE_INFINITY): Promise<DuckDbSqlPeer> {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(`ATTACH '${storeFile}' AS s (READ_ONLY)`);
    return new DuckDbSqlPeer(db, c, cteBudgetMs);
  }

  /** The first row of a recursive CTE, or null when it ran past the budget (interrupted). */
  private async bounded(sql: string): Promise<DuckDBValue[] | null> {
    let stopped = false;
    const timer = Number.isFinite(this.cteBudgetMs)
      ? setTimeout(() => {
          stopped = true;
          this.c.interrupt();
        }, this.cteBudgetMs)
      : null;
    try {
      return await one(this.c, sql);
    } catch (error) {
      if (stopped) return null;
      throw error;
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  /** Builds adj (both directions, distinct, sorted) and the watchlist tables; returns ms. */
  async prepare(watchlist: number[], highDegree: number[]): Promise<number> {
    const t0 = performance.now();
    await this.c.run(`CREATE TABLE adj AS SELECT DISTINCT u, v FROM (
        SELECT a_id AS u, b_id AS v FROM s.pairs UNION ALL SELECT b_id, a_id FROM s.pairs) WHERE u <> v ORDER BY u, v`);
    await this.c.run('CREATE TABLE watch AS SELECT unnest($1::INTEGER[]) AS id', [listValue(watchlist)]);
    await this.c.run('CREATE TABLE hubs AS SELECT unnest($1::INTEGER[]) AS id', [listValue(highDegree)]);
    return performance.now() - t0;
  }

  /** Count of the k-hop neighbourhood from the pairs table (the timed query). */
  async khopCount(seed: number, hops: number): Promise<number> {
    return num((await one(this.c, `${khopPairsSql(seed, hops)} SELECT count(*) FROM reach`))[0]!);
  }

  /** The same over the raw events table (no pairs table). */
  async khopCountEvents(seed: number, hops: number): Promise<number> {
    return num((await one(this.c, `${khopPairsSql(seed, hops, 'events')} SELECT count(*) FROM reach`))[0]!);
  }

  /** The k-hop set itself (for the answer check). */
  async khopSet(seed: number, hops: number): Promise<number[]> {
    return ids((await one(this.c, `${khopPairsSql(seed, hops)} SELECT list(v) FROM reach`))[0]!);
  }

  /** k-hop by recursive CTE over adj: count of nodes reached (null: stopped at the budget). */
  async khopRecursive(seed: number, hops: number): Promise<number | null> {
    const sql = `WITH RECURSIVE r(v, d) USING KEY (v) AS (SELECT ${seed}::INTEGER, 0
        UNION SELECT a.v, r.d + 1 FROM r JOIN adj a ON a.u = r.v
        WHERE r.d < ${hops} AND NOT EXISTS (SELECT 1 FROM recurring.r x WHERE x.v = a.v))
      SELECT count(*) FROM r`;
    const row = await this.bounded(sql);
    return row ? num(row[0]!) : null;
  }

  /**
   * Hops of a shortest path (both directions) by recursive CTE, -1 if none within maxDepth (null:
   * stopped at the budget).
   */
  async shortestPathLength(source: number, target: number, maxDepth = 30): Promise<number | null> {
    const sql = `WITH RECURSIVE r(v, d) USING KEY (v) AS (SELECT ${source}::INTEGER, 0
        UNION SELECT a.v, r.d + 1 FROM r JOIN adj a ON a.u = r.v
        WHERE r.d < ${maxDepth} AND NOT EXISTS (SELECT 1 FROM recurring.r x WHERE x.v = a.v)
          AND NOT EXISTS (SELECT 1 FROM recurring.r y WHERE y.v = ${target}))
      SELECT min(d) FROM r WHERE v = ${target}`;
    const row = await this.bounded(sql);
    if (!row) return null;
    return row[0] === null ? -1 : num(row[0]!);
  }

  /** Full BFS by recursive CTE: nodes reached (source included) and the deepest level (null: stopped). */
  async bfs(source: number): Promise<{ reached: number; maxDepth: number } | null> {
    const sql = `WITH RECURSIVE r(v, d) USING KEY (v) AS (SELECT ${source}::INTEGER, 0
        UNION SELECT a.v, r.d + 1 FROM r JOIN adj a ON a.u = r.v
        WHERE NOT EXISTS (SELECT 1 FROM recurring.r x WHERE x.v = a.v))
      SELECT count(*), max(d) FROM r`;
    const row = await this.bounded(sql);
    return row ? { reached: num(row[0]!), maxDepth: num(row[1]!) } : null;
  }

  /**
   * BFS (both directions) as SQL would be written by hand without recursion: one statement per
   * level, the next frontier the adjacency rows of the current one minus the nodes seen (an ANTI
   * JOIN on a table of seen nodes). Stops at `target` when given. Returns the nodes reached
   * (source included), the deepest level, and the target's level (-1 if not reached).
   */
  async bfsByLevels(
    source: number,
    target?: number,
  ): Promise<{ reached: number; maxDepth: number; targetDepth: number }> {
    const c = this.c;
    await c.run(`CREATE OR REPLACE TEMP TABLE seen AS SELECT ${source}::INTEGER AS v`);
    await c.run(`CREATE OR REPLACE TEMP TABLE frontier AS SELECT ${source}::INTEGER AS v`);
    let reached = 1;
    let depth = 0;
    let targetDepth = source === target ? 0 : -1;
    while (targetDepth < 0) {
      await c.run(`CREATE OR REPLACE TEMP TABLE next AS SELECT DISTINCT a.v FROM adj a
        SEMI JOIN frontier f ON a.u = f.v ANTI JOIN seen s ON s.v = a.v`);
      const [found, hit] = (
        await one(c, `SELECT count(*), count(*) FILTER (v = ${target ?? -1}) FROM next`)
      ).map(num);
      if (found === 0) break;
      depth++;
      reached += found!;
      if (hit! > 0) targetDepth = depth;
      await c.run('INSERT INTO seen SELECT v FROM next');
      await c.run('DROP TABLE frontier');
      await c.run('ALTER TABLE next RENAME TO frontier');
    }
    return { reached, maxDepth: depth, targetDepth };
  }

  /** Watched ids within 2 hops of x (hub neighbours not used as intermediaries), as in WatchlistIndex. */
  async watchMatches(x: number): Promise<number[]> {
    const sql = `WITH n1 AS (SELECT v FROM adj WHERE u = ${x}),
        mid AS (SELECT v FROM n1 ANTI JOIN hubs h ON h.id = n1.v),
        hit AS (SELECT ${x} AS w FROM watch WHERE id = ${x}
          UNION SELECT v FROM n1 SEMI JOIN watch ON watch.id = n1.v
          UNION SELECT a.v FROM adj a SEMI JOIN mid ON a.u = mid.v SEMI JOIN watch ON watch.id = a.v WHERE a.v <> ${x})
      SELECT list(w) FROM hit`;
    return ids((await one(this.c, sql))[0]!);
  }

  /** A number's events by hour from the raw (unsorted) events table; returns the total. */
  async timelineRaw(id: number): Promise<number> {
    const sql = `SELECT sum(n) FROM (SELECT hour(start_ts) AS h, count(*) AS n FROM s.events
      WHERE a_id = ${id} OR b_id = ${id} GROUP BY h)`;
    return num((await one(this.c, sql))[0]!);
  }

  /**
   * Co-location occurrences of a pair from the raw events table: pairs of located events (a cell
   * locates the served party) on the same cell within ±windowSeconds.
   */
  async coLocationPairRaw(a: number, b: number, windowSeconds: number): Promise<number> {
    const located = (id: number) => `SELECT cell, epoch(start_ts) AS t FROM s.events
      WHERE cell IS NOT NULL AND ((a_id = ${id} AND served = 0) OR (b_id = ${id} AND served = 1))`;
    const sql = `SELECT count(*) FROM (${located(a)}) x JOIN (${located(b)}) y
      ON x.cell = y.cell AND abs(x.t - y.t) <= ${windowSeconds}`;
    return num((await one(this.c, sql))[0]!);
  }

  close(): void {
    this.c.closeSync();
    this.db.closeSync();
  }
}
