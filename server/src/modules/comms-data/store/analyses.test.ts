import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getProfile } from '../profiles/profile-registry.js';
import { DuckDbStore } from './duckdb-store.js';
import { makeTempDir } from './fixtures/test-helpers.js';

interface Ev {
  a: string;
  b: string;
  t: number;
  cell: string;
}
const N = 12;
const num = (i: number) => `+4477009001${String(i).padStart(2, '0')}`;
const T0 = Date.parse('2024-03-01T00:00:00Z');
let seed = 7;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const events: Ev[] = [];
for (let i = 0; i < 600; i++) {
  const a = Math.floor(rnd() * N);
  let b = Math.floor(rnd() * N);
  if (b === a) b = (b + 1) % N;
  const t = T0 + Math.floor(rnd() * 20 * 86400) * 1000;
  events.push({ a: num(a), b: num(b), t, cell: `C${Math.floor(rnd() * 5)}` });
}
// A 5-day hole for number 0 (it has no events in it).
const filtered = events.filter(
  (e) => !((e.a === num(0) || e.b === num(0)) && e.t > T0 + 5 * 86400e3 && e.t < T0 + 10 * 86400e3),
);

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let store: DuckDbStore;
beforeAll(async () => {
  temp = await makeTempDir();
  store = new DuckDbStore(temp.dir);
  const csv = ['type,a,b,start,duration_s,cell_id,imei,imsi']
    .concat(filtered.map((e) => `voice,${e.a},${e.b},${new Date(e.t).toISOString()},30,${e.cell},,`))
    .join('\n');
  await writeFile(join(temp.dir, 'ev.csv'), `${csv}\n`);
  await store.dataset('g').importFiles([join(temp.dir, 'ev.csv')], getProfile('generic'));
  await writeFile(
    join(temp.dir, 'sites.csv'),
    'cell_id,lat,lon,azimuth\nC0,51.5,-0.1,0\nC1,51.5005,-0.1,90\nC2,52,-0.1,\nC3,53,-1,\nC4,54,-2,\n',
  );
  await store.dataset('g').importCellSites(join(temp.dir, 'sites.csv'));
});

it('cell-site import counts bad rows and repeated cells', async () => {
  await writeFile(
    join(temp.dir, 'sites2.csv'),
    'cell_id,lat,lon,azimuth\nX1,51.1,-0.2,10\nX2,91,0,\nX1,10,10,\n,51,0,\nX3,50,abc,\n',
  );
  const result = await store.dataset('g').importCellSites(join(temp.dir, 'sites2.csv'));
  expect(result).toEqual({ read: 5, loaded: 1, duplicates: 1, rejected: 3 });
});
afterAll(async () => {
  await store.close();
  await temp.cleanup();
});

const uniq = [...new Map(filtered.map((e) => [`${e.a}|${e.b}|${e.t}|${e.cell}`, e])).values()];

it('timeline bins, top contacts and silent periods match a brute-force count', async () => {
  const me = num(0);
  const mine = uniq.filter((e) => e.a === me || e.b === me).sort((x, y) => x.t - y.t);
  const tl = await store.dataset('g').timeline(me, undefined, { silentHours: 72 });
  expect(tl.total).toBe(mine.length);
  const byHour = new Array(24).fill(0);
  const byWeekday = new Array(7).fill(0);
  const byDay = new Map<string, number>();
  const contacts = new Map<string, number>();
  for (const e of mine) {
    const d = new Date(e.t);
    byHour[d.getUTCHours()] += 1;
    byWeekday[(d.getUTCDay() + 6) % 7] += 1;
    const day = d.toISOString().slice(0, 10);
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
    const other = e.a === me ? e.b : e.a;
    contacts.set(other, (contacts.get(other) ?? 0) + 1);
  }
  expect(tl.byHour).toEqual(byHour);
  expect(tl.byWeekday).toEqual(byWeekday);
  expect(tl.byDay).toEqual([...byDay].sort().map(([day, count]) => ({ day, count })));
  expect(tl.first?.getTime()).toBe(mine[0]!.t);
  expect(tl.last?.getTime()).toBe(mine[mine.length - 1]!.t);
  const top = [...contacts].sort((x, y) => y[1] - x[1]);
  expect(tl.topContacts[0]!.count).toBe(top[0]![1]);
  expect(new Map(tl.topContacts.map((c) => [c.number, c.count]))).toEqual(new Map(top));
  const gaps = mine.slice(1).flatMap((e, i) => (e.t - mine[i]!.t > 72 * 3600e3 ? [[mine[i]!.t, e.t]] : []));
  expect(tl.silentPeriods.map((g) => [g.from.getTime(), g.to.getTime()])).toEqual(gaps);
  expect(gaps.length).toBeGreaterThan(0);
  // Scope: only records in [from, to] are counted.
  const from = new Date(T0 + 10 * 86400e3);
  const scoped = await store.dataset('g').timeline(me, { from });
  expect(scoped.total).toBe(mine.filter((e) => e.t >= from.getTime()).length);
});

function bruteCoLocation(me: string, windowMs: number, near: (x: string, y: string) => boolean) {
  const located = uniq.map((e) => ({ party: e.a, t: e.t, cell: e.cell }));
  const mine = located.filter((e) => e.party === me);
  const out = new Map<string, number>();
  for (const s of mine) {
    for (const o of located) {
      if (o.party !== me && near(s.cell, o.cell) && Math.abs(o.t - s.t) <= windowMs)
        out.set(o.party, (out.get(o.party) ?? 0) + 1);
    }
  }
  return out;
}

it('co-location (same cell, and within R metres) matches brute force', async () => {
  const me = num(3);
  const same = await store.dataset('g').coLocation(me, { windowMinutes: 240 });
  expect(new Map(same.map((c) => [c.number, c.occurrences]))).toEqual(
    bruteCoLocation(me, 240 * 60e3, (x, y) => x === y),
  );
  // C0 and C1 are ~56 m apart; the others are far.
  const close = (x: string, y: string) => x === y || (['C0', 'C1'].includes(x) && ['C0', 'C1'].includes(y));
  const near = await store.dataset('g').coLocation(me, { windowMinutes: 240, radiusMetres: 100 });
  expect(new Map(near.map((c) => [c.number, c.occurrences]))).toEqual(bruteCoLocation(me, 240 * 60e3, close));
  expect(near.length).toBeGreaterThan(0);
  // Repeated pairs: every pair with ≥ 3 occurrences, with its count, same cell and within 100 m.
  for (const [radiusMetres, isNear] of [
    [undefined, (x: string, y: string) => x === y],
    [100, close],
  ] as const) {
    const pairs = await store.dataset('g').repeatedCoLocation({
      windowMinutes: 240,
      minOccurrences: 3,
      limit: 10_000,
      ...(radiusMetres ? { radiusMetres } : {}),
    });
    const want = new Map<string, number>();
    for (let i = 0; i < N; i++)
      for (const [other, n] of bruteCoLocation(num(i), 240 * 60e3, isNear))
        if (num(i) < other && n >= 3) want.set(`${num(i)}|${other}`, n);
    expect(new Map(pairs.map((p) => [`${p.a}|${p.b}`, p.occurrences]))).toEqual(want);
    expect(want.size).toBeGreaterThan(0);
  }
});

it('pairEvents pages the evidence behind an edge', async () => {
  const [a, b] = [num(1), num(2)];
  const want = uniq.filter((e) => e.a === a && e.b === b).sort((x, y) => x.t - y.t);
  const p1 = await store.dataset('g').pairEvents(a, b, undefined, { limit: 2 });
  const p2 = await store.dataset('g').pairEvents(a, b, undefined, { limit: 100, offset: 2 });
  expect(p1.total).toBe(want.length);
  expect([...p1.events, ...p2.events].map((e) => e.start.getTime())).toEqual(want.map((e) => e.t));
  const outOfScope = await store.dataset('g').pairEvents(a, b, { numbers: [num(5)] });
  expect(outOfScope.total).toBe(0);
});
