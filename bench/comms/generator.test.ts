import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerCheck, AnswersDifferError, diffSets } from './compare.js';
import { genericRecordsSql, paramsFor, rankedRecordsSql, storedNumberOfRank } from './generator.js';

const p = paramsFor(20_000, 7);
let db: DuckDBInstance;

async function rows(sql: string): Promise<DuckDBValue[][]> {
  const c = await db.connect();
  try {
    return (await c.runAndReadAll(sql)).getRows();
  } finally {
    c.closeSync();
  }
}
const n = (v: DuckDBValue | undefined) => Number(v);

beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(`CREATE TABLE r AS ${rankedRecordsSql(p)}`);
  c.closeSync();
});
afterAll(() => db.closeSync());

describe('generator', () => {
  it('makes the requested records over the requested days, with no self-calls', async () => {
    const [[count, self, span]] = (await rows(
      'SELECT count(*), count(*) FILTER (WHERE a_rank = b_rank), (max(ts) - min(ts)) / 86400 FROM r',
    )) as [[DuckDBValue, DuckDBValue, DuckDBValue]];
    expect(n(count)).toBe(20_000);
    expect(n(self)).toBe(0);
    expect(n(span)).toBeGreaterThan(85);
    expect(n(span)).toBeLessThanOrEqual(90);
  });

  it('has a heavy-tailed degree distribution', async () => {
    const [[med, p99, max]] = (await rows(`WITH d AS (SELECT x, count(DISTINCT y) AS deg FROM
        (SELECT a_rank x, b_rank y FROM r UNION ALL SELECT b_rank, a_rank FROM r) GROUP BY x)
      SELECT median(deg), quantile_disc(deg, 0.99), max(deg) FROM d`)) as [
      [DuckDBValue, DuckDBValue, DuckDBValue],
    ];
    expect(n(max)).toBeGreaterThan(20 * n(med));
    expect(n(p99)).toBeGreaterThan(2 * n(med));
  });

  it('is quieter at night than by day', async () => {
    const [[night, day]] = (await rows(`SELECT count(*) FILTER (WHERE h BETWEEN 1 AND 4) / 4,
        count(*) FILTER (WHERE h BETWEEN 10 AND 17) / 8 FROM (SELECT hour(to_timestamp(ts)) AS h FROM r)`)) as [
      [DuckDBValue, DuckDBValue],
    ];
    expect(n(night)).toBeLessThan(0.3 * n(day));
  });

  it('keeps most contacts within the community and mixes the four types', async () => {
    const [[inside, types]] = (await rows(
      'SELECT avg((comm = b_comm)::INTEGER), count(DISTINCT type) FROM r',
    )) as [[DuckDBValue, DuckDBValue]];
    expect(n(inside)).toBeGreaterThan(0.6);
    expect(n(types)).toBe(4);
  });

  it('is deterministic and writes numbers the store normalises to the same E.164', async () => {
    const a = await rows(`SELECT a, b, start, cell_id FROM (${genericRecordsSql(p)}) LIMIT 5`);
    const b = await rows(`SELECT a, b, start, cell_id FROM (${genericRecordsSql(p)}) LIMIT 5`);
    expect(a).toEqual(b);
    const [[rank, number]] = (await rows(
      `SELECT a_rank, '07' || lpad(((a_rank * 1000003 + 12345) % 1000000000)::VARCHAR, 9, '0') FROM r LIMIT 1`,
    )) as [[DuckDBValue, DuckDBValue]];
    expect(storedNumberOfRank(n(rank))).toBe(`+44${String(number).slice(1)}`);
  });
});

describe('answer comparison', () => {
  it('passes equal answers and throws listing every disagreement', () => {
    const check = new AnswerCheck();
    check.sets('2-hop', 'ours', [1, 2, 3], 'DuckDB', [3, 2, 1, 1]);
    check.equal('path', 'ours', 4, 'graphology', 4);
    check.notWorse('modularity', 'ours', 0.795, 'graphology', 0.8, 0.01);
    expect(() => check.assertAgreed()).not.toThrow();
    check.sets('2-hop p99', 'ours', [1, 2, 3], 'DuckDB', [1, 2, 4]);
    check.equal('path 7→9', 'ours', 3, 'graphology', 4);
    check.notWorse('modularity', 'ours', 0.7, 'graphology', 0.8, 0.01);
    expect(() => check.assertAgreed()).toThrow(AnswersDifferError);
    expect(check.mismatches.map((m) => m.question)).toEqual(['2-hop p99', 'path 7→9', 'modularity']);
  });

  it('describes set differences', () => {
    expect(diffSets([1, 2], [2, 1])).toBeNull();
    expect(diffSets([1, 2, 5], [2, 6])).toContain('only first: [1, 5]');
  });
});
