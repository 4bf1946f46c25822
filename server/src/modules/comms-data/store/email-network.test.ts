import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getProfile } from '../profiles/profile-registry.js';
import type { EdgeBatch } from './analytics-store.types.js';
import { DuckDbStore } from './duckdb-store.js';
import { makeTempDir, repoRoot } from './fixtures/test-helpers.js';

const file = resolve(repoRoot, 'test/data/email-eu-core-subset.txt');
const EPOCH_S = Date.parse('2003-10-01T00:00:00Z') / 1000;
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let store: DuckDbStore;

beforeAll(async () => {
  temp = await makeTempDir();
  store = new DuckDbStore(temp.dir);
});
afterAll(async () => {
  await store.close();
  await temp.cleanup();
});

/** A plain recount of the file in JS, independent of the store. */
async function recount() {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  const distinctLines = new Set(lines.map((l) => l.trim()));
  const addresses = new Set<string>();
  const pairs = new Map<string, { w: number; f: number; l: number }>();
  const undirected = new Set<string>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const line of distinctLines) {
    const [a, b, s] = line.split(' ') as [string, string, string];
    const t = EPOCH_S + Number(s);
    addresses.add(a).add(b);
    const p = pairs.get(`${a} ${b}`) ?? { w: 0, f: t, l: t };
    pairs.set(`${a} ${b}`, { w: p.w + 1, f: Math.min(p.f, t), l: Math.max(p.l, t) });
    if (a !== b) undirected.add(a < b ? `${a} ${b}` : `${b} ${a}`);
    first = Math.min(first, t);
    last = Math.max(last, t);
  }
  return {
    lines: lines.length,
    distinct: distinctLines.size,
    addresses,
    pairs,
    undirected,
    spanDays: (last - first) / 86400,
  };
}

it('imports the real e-mail network and its statistics match a plain recount', async () => {
  const ref = await recount();
  expect(ref.lines).toBe(83_083);
  expect(ref.addresses.size).toBe(816);
  expect(ref.pairs.size).toBe(11_685);
  expect(ref.undirected.size).toBe(7_754);
  const ds = store.dataset('email');
  const result = await ds.importFiles([file], getProfile('snap-temporal'));
  // The file repeats some (sender, receiver, second) lines exactly; those are duplicates.
  expect(result).toMatchObject({
    read: ref.lines,
    loaded: ref.distinct,
    duplicates: ref.lines - ref.distinct,
    rejected: 0,
  });
  const stats = await ds.stats();
  expect(stats).toMatchObject({
    records: ref.distinct,
    numbers: ref.addresses.size,
    directedPairs: ref.pairs.size,
    undirectedPairs: ref.undirected.size,
  });
  expect(stats.spanDays).toBeCloseTo(ref.spanDays, 6);
  expect(stats.spanDays.toFixed(1)).toBe('150.3');
});

it('streamPairs returns exactly the directed pairs with weight, first, last and type mask', async () => {
  const ref = await recount();
  const ds = store.dataset('email');
  const count = await ds.numberCount();
  const got = new Map<number, { src: number; dst: number; w: number; f: number; l: number; m: number }>();
  let batches = 0;
  for await (const b of ds.streamPairs(undefined, 4096)) {
    batches += 1;
    expect(b.src).toBeInstanceOf(Int32Array);
    for (let i = 0; i < b.length; i++) {
      expect(b.src[i]).toBeLessThan(count);
      got.set(b.src[i]! * count + b.dst[i]!, {
        src: b.src[i]!,
        dst: b.dst[i]!,
        w: b.weight[i]!,
        f: b.first[i]!,
        l: b.last[i]!,
        m: b.typeMask[i]!,
      });
    }
  }
  expect(batches).toBeGreaterThan(1);
  expect(got.size).toBe(ref.pairs.size);
  const all = [...got.values()];
  const names = await ds.lookupNumbers(all.flatMap((e) => [e.src, e.dst]));
  all.forEach((e, i) => {
    const p = ref.pairs.get(`${names[2 * i]} ${names[2 * i + 1]}`);
    expect(p).toBeDefined();
    expect([e.w, e.f, e.l, e.m]).toEqual([p!.w, p!.f, p!.l, 8]);
  });
  // A scoped stream only holds pairs touching the scope's numbers within its dates.
  const from = new Date('2003-11-01T00:00:00Z');
  let scoped = 0;
  const id1 = (await ds.lookupIds(['1'])).get('1')!;
  for await (const b of ds.streamPairs({ numbers: ['1'], from })) {
    for (let i = 0; i < b.length; i++) {
      expect(b.src[i] === id1 || b.dst[i] === id1).toBe(true);
      expect(b.first[i]! * 1000).toBeGreaterThanOrEqual(from.getTime());
      scoped += 1;
    }
  }
  expect(scoped).toBeGreaterThan(0);
});

it('streamPairs comes out in (source, target) order in batches that own their arrays, and a consumer may stop early', async () => {
  const ds = store.dataset('email');
  const kept: EdgeBatch[] = [];
  for await (const b of ds.streamPairs(undefined, 1024)) kept.push(b);
  // Checked after the stream has ended: a batch whose arrays were reused for a later one (as
  // DuckDB reuses its vectors) would no longer hold its own pairs (CsrBuilder.adopt relies on it).
  expect(kept.length).toBeGreaterThan(1);
  let last = -1;
  let count = 0;
  for (const b of kept) {
    for (let i = 0; i < b.length; i++) {
      const key = b.src[i]! * 1e6 + b.dst[i]!;
      expect(key).toBeGreaterThan(last);
      last = key;
    }
    count += b.length;
  }
  // A consumer that stops after the first batch closes the stream; the store goes on.
  let seen = 0;
  for await (const b of ds.streamPairs(undefined, 1024)) {
    seen += b.length;
    break;
  }
  expect(seen).toBe(Math.min(1024, count));
  let again = 0;
  for await (const b of ds.streamPairs(undefined, 1024)) again += b.length;
  expect(again).toBe(count);
});
