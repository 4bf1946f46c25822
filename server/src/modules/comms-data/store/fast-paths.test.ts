import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { expect, it } from 'vitest';
import { getProfile } from '../profiles/profile-registry.js';
import { ensureSchema } from './ensure-schema.js';
import { DuckDbDataset } from './duckdb-dataset.js';
import { DuckDbStore, defaultMemoryLimitBytes } from './duckdb-store.js';
import { tempDirPerTest, writeGenericCsv } from './fixtures/test-helpers.js';

const temp = tempDirPerTest();

const generic = getProfile('generic');
const csv = (name: string, rows: string[]) => writeGenericCsv(temp.dir, name, rows);

it('duplicates: within the import (first by file and line kept) and against held events; near-copies kept', async () => {
  const store = new DuckDbStore(temp.dir);
  const ds = store.dataset('d');
  const base = 'voice,07700900001,07700900002,2024-03-01T10:00:00Z,60,C1,,';
  const first = await ds.importFiles(
    [
      await csv('one.csv', [
        base,
        base.replace('07700900001', '+447700900001'), // same after E.164 normalisation
        base.replace(',60,', ',61,'), // differs in duration only
        base.replace(',60,C1,,', ',60,C1,,234150000000001'), // differs in IMSI (NULL vs value) only
        base.replace(',60,', ',,'), // duration NULL, not 60
      ]),
      await csv('two.csv', [base, 'sms,07700900003,07700900001,2024-03-02T10:00:00Z,,C2,,']),
    ],
    generic,
  );
  expect(first).toMatchObject({ read: 7, loaded: 5, duplicates: 2, rejected: 0 });
  expect(first.files.map((f) => [f.loaded, f.duplicates])).toEqual([
    [4, 1],
    [1, 1],
  ]);
  const page = await ds.pairEvents('+447700900001', '+447700900002');
  const kept = page.events.find((e) => e.durationS === 60 && e.imsi === null)!;
  expect([kept.sourceFile.endsWith('one.csv'), kept.sourceLine]).toEqual([true, 2]);
  // Event ids are unique and follow (file, line).
  const all = [...page.events, ...(await ds.pairEvents('+447700900003', '+447700900001')).events];
  const order = [...all].sort((x, y) => x.id - y.id).map((e) => `${e.sourceFile}:${e.sourceLine}`);
  const byLine = [...all]
    .sort((x, y) => x.sourceFile.localeCompare(y.sourceFile) || x.sourceLine - y.sourceLine)
    .map((e) => `${e.sourceFile}:${e.sourceLine}`);
  expect(order).toEqual(byLine);
  expect(new Set(all.map((e) => e.id)).size).toBe(5);
  // Against held events: overlapping range → copies dropped; a later range → nothing to compare.
  const again = await ds.importFiles(
    [await csv('three.csv', [base, 'voice,07700900001,07700900002,2024-03-01T10:00:00Z,60,C9,,'])],
    generic,
  );
  expect(again).toMatchObject({ read: 2, loaded: 1, duplicates: 1 });
  const later = await ds.importFiles(
    [
      await csv('four.csv', [
        base.replace('2024-03-01', '2024-05-01'),
        base.replace('2024-03-01', '2024-05-01'),
      ]),
    ],
    generic,
  );
  expect(later).toMatchObject({ read: 2, loaded: 1, duplicates: 1 });
  const ids = (await ds.pairEvents('+447700900001', '+447700900002')).events.map((e) => e.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect((await ds.stats()).records).toBe(7);
  await store.close();
});

/** Brute-force co-location: occurrences per other party (cells locate the A party here). */
function brute(rows: { a: string; t: number; cell: string }[], me: string, windowMs: number) {
  const mine = rows.filter((r) => r.a === me);
  const out = new Map<string, number>();
  for (const s of mine)
    for (const o of rows)
      if (o.a !== me && o.cell === s.cell && Math.abs(o.t - s.t) <= windowMs)
        out.set(o.a, (out.get(o.a) ?? 0) + 1);
  return out;
}

it('co-location of a busy and a quiet number, and of a pair, agree with brute force; old files get events_by_cell', async () => {
  const T0 = Date.parse('2024-03-01T00:00:00Z');
  const num = (i: number) => `+44770090${String(i).padStart(4, '0')}`;
  const rows: { a: string; b: string; t: number; cell: string }[] = [];
  let seed = 11;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  // Number 0 is busy: many located events in distinct windows, on every cell.
  for (let i = 0; i < 82; i++) rows.push({ a: num(0), b: num(1), t: T0 + i * 3_600_000, cell: `C${i % 7}` });
  // Number 99 is quiet: a few windows, read as range scans.
  for (let i = 0; i < 10; i++)
    rows.push({ a: num(99), b: num(2), t: T0 + i * 37 * 3_600_000, cell: `C${i % 3}` });
  for (let i = 0; i < 3000; i++) {
    const a = 1 + Math.floor(rnd() * 40);
    rows.push({
      a: num(a),
      b: num(0),
      t: T0 + Math.floor(rnd() * 400 * 3600) * 1000,
      cell: `C${Math.floor(rnd() * 7)}`,
    });
  }
  const path = await csv(
    'co.csv',
    rows.map((r) => `voice,${r.a},${r.b},${new Date(r.t).toISOString()},1,${r.cell},,`),
  );
  const check = async (store: DuckDbStore) => {
    const ds = store.dataset('c');
    for (const me of [num(0), num(5), num(99)]) {
      const got = await ds.coLocation(me, { windowMinutes: 20, limit: 100_000 });
      const want = brute(rows, me, 20 * 60_000);
      expect(want.size).toBeGreaterThan(0);
      expect(new Map(got.map((c) => [c.number, c.occurrences]))).toEqual(want);
      // The pair form finds the same occurrences for one other number, and nothing for a stranger.
      const [other, n] = [...want].sort((x, y) => y[1] - x[1])[0]!;
      const pair = await ds.coLocation(me, { windowMinutes: 20, other });
      expect(pair.map((c) => [c.number, c.occurrences])).toEqual([[other, n]]);
      expect(await ds.coLocation(me, { windowMinutes: 20, other: '+447700999999' })).toEqual([]);
    }
  };
  let store = new DuckDbStore(temp.dir);
  await store.dataset('c').importFiles([path], generic);
  await check(store);
  await store.close();
  // A file written before events_by_cell existed gets it derived when opened.
  const instance = await DuckDBInstance.create(join(temp.dir, 'c.duckdb'));
  const c = await instance.connect();
  await c.run('DROP TABLE events_by_cell');
  c.closeSync();
  instance.closeSync();
  store = new DuckDbStore(temp.dir);
  await check(store);
  await store.close();
});

it('pair timeline and time-zone bins from the single-statement timeline', async () => {
  const store = new DuckDbStore(temp.dir);
  const ds = store.dataset('t');
  const times = ['2024-03-01T23:30:00Z', '2024-03-02T00:30:00Z', '2024-03-09T08:00:00Z'];
  await ds.importFiles(
    [
      await csv('t.csv', [
        ...times.map((t) => `voice,07700900001,07700900002,${t},5,C1,,`),
        'sms,07700900002,07700900001,2024-03-02T01:00:00Z,,C1,,',
        'sms,07700900001,07700900003,2024-03-03T01:00:00Z,,C1,,',
      ]),
    ],
    generic,
  );
  const pair = await ds.timeline('+447700900001', undefined, {
    other: '+447700900002',
    timeZone: 'Asia/Tokyo',
    silentHours: 48,
  });
  expect(pair.total).toBe(4);
  expect(pair.byType).toMatchObject({ voice: 3, sms: 1 });
  expect(pair.byDay).toEqual([
    { day: '2024-03-02', count: 3 },
    { day: '2024-03-09', count: 1 },
  ]);
  expect(pair.byHour[8]).toBe(1); // 23:30Z = 08:30 JST
  expect(pair.topContacts).toEqual([]);
  expect(pair.silentPeriods.map((g) => [g.from.toISOString(), g.to.toISOString()])).toEqual([
    ['2024-03-02T01:00:00.000Z', '2024-03-09T08:00:00.000Z'],
  ]);
  const all = await ds.timeline('+447700900001', { numbers: ['+447700900003'] });
  expect([all.total, all.topContacts.map((t) => [t.number, t.count, t.outgoing])]).toEqual([
    1,
    [['+447700900003', 1, 1]],
  ]);
  await store.close();
});

it("bounds each dataset's DuckDB memory: a quarter of RAM by default, or as configured", async () => {
  /** DuckDB prints the limit rounded to one decimal, e.g. '1.5 GiB'. */
  const bytes = (s: string) => {
    const m = /^([\d.]+) (KiB|MiB|GiB|TiB)$/.exec(s);
    if (!m) throw new Error(`unexpected memory_limit '${s}'`);
    return Number(m[1]) * 1024 ** (1 + ['KiB', 'MiB', 'GiB', 'TiB'].indexOf(m[2]!));
  };
  const near = (got: number, want: number) => expect(Math.abs(got - want) / want).toBeLessThan(0.02);
  const configured = new DuckDbStore(temp.dir, { memoryLimitBytes: 1536 * 2 ** 20 });
  near(bytes(await configured.setting('a', 'memory_limit')), 1536 * 2 ** 20);
  await configured.close();
  const byDefault = new DuckDbStore(temp.dir);
  near(bytes(await byDefault.setting('b', 'memory_limit')), defaultMemoryLimitBytes());
  await byDefault.close();
});

it('hands the blocks an import cached back once it ends, and restores the memory limit', async () => {
  const store = new DuckDbStore(temp.dir, { memoryLimitBytes: 1536 * 2 ** 20 });
  const ds = store.dataset('e');
  const rows = Array.from(
    { length: 50_000 },
    (_, i) =>
      `voice,0770090${String(i % 5000).padStart(4, '0')},0770091${String(i % 977).padStart(4, '0')},2024-03-01T10:00:00Z,${i},C${i % 300},,`,
  );
  const result = await ds.importFiles([await csv('big.csv', rows)], generic);
  expect(result.loaded).toBe(50_000);
  // memoryInUse is a query: it waits for the eviction, which started as the import ended. The
  // indexes stay (2 MiB here); without the eviction the import's blocks add another 22 MiB.
  expect(await store.memoryInUse('e')).toBeLessThan(4 * 2 ** 20);
  expect(await store.setting('e', 'memory_limit')).toBe('1.5 GiB');
  expect((await ds.stats()).records).toBe(50_000);
  await store.close();
});

it('refuses queries when the memory limit cannot be restored after an eviction, naming why', async () => {
  const instance = DuckDBInstance.create(join(temp.dir, 'x.duckdb')).then(async (db) => {
    await ensureSchema(await db.connect());
    return db;
  });
  const ds = new DuckDbDataset('x', () => instance, join(temp.dir, 'x.rejects.csv'), 'no such size');
  const result = await ds.importFiles(
    [await csv('x.csv', ['voice,07700900001,07700900002,2024-03-01T10:00:00Z,60,C1,,'])],
    generic,
  );
  expect(result.loaded).toBe(1);
  await expect(ds.stats()).rejects.toThrow(
    /'x' is unusable until reopened: its memory limit could not be restored/,
  );
  await ds.closeIdle();
  (await instance).closeSync();
});
