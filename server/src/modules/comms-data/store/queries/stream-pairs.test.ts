import { DuckDBInstance } from '@duckdb/node-api';
import { expect, it } from 'vitest';
import { streamPairs } from './stream-pairs.js';

it('reads the pairs table in source-id pieces and batches sized to what is left, in (source, target) order', async () => {
  const instance = await DuckDBInstance.create(':memory:');
  const setup = await instance.connect();
  // 500 numbers, ~3,000 pairs (one row per (a, b)) with a skewed source distribution, so the
  // pieces by source-id range hold unequal numbers of rows.
  await setup.run('CREATE TABLE numbers AS SELECT range::INTEGER AS id FROM range(500)');
  await setup.run(`CREATE TABLE pairs AS SELECT
      ((hash(i) % 500) * (hash(i) % 500) // 500)::INTEGER AS a_id, (hash(i * 7) % 500)::INTEGER AS b_id,
      (1 + hash(i) % 9)::UINTEGER AS weight, (i * 10)::UINTEGER AS first_seen,
      (i * 10 + 5)::UINTEGER AS last_seen, (1 << (hash(i) % 4))::UTINYINT AS type_mask
    FROM range(3500) t(i)
    QUALIFY row_number() OVER (PARTITION BY a_id, b_id ORDER BY first_seen) = 1 ORDER BY a_id, b_id`);
  const rows = (await setup.runAndReadAll('SELECT * FROM pairs ORDER BY a_id, b_id')).getRows();
  expect(rows.length).toBeGreaterThan(1000);

  const got: number[][] = [];
  const sizes: number[] = [];
  // Pieces of ~400 rows (so 7+ statements), batches of at most 256.
  for await (const b of streamPairs(await instance.connect(), undefined, 256, 400)) {
    sizes.push(b.length);
    expect(b.src.length).toBe(b.length);
    for (let i = 0; i < b.length; i++)
      got.push([b.src[i]!, b.dst[i]!, b.weight[i]!, b.first[i]!, b.last[i]!, b.typeMask[i]!]);
  }
  expect(got).toEqual(rows.map((r) => r.map(Number)));
  expect(Math.max(...sizes)).toBe(256);
  // A batch ends where its piece ends: some are shorter than 256 though more rows follow.
  expect(sizes.slice(0, -1).some((n) => n < 256)).toBe(true);

  // Stopping early, while the next piece is being read, closes the connection without error.
  const early = await instance.connect();
  for await (const b of streamPairs(early, undefined, 256, 400)) {
    expect(b.length).toBeGreaterThan(0);
    break;
  }
  await expect(early.run('SELECT 1')).rejects.toThrow();
  setup.closeSync();
  instance.closeSync();
});
