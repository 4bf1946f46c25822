import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProfile } from '../profiles/profile-registry.js';
import type { DatasetStore, Scope } from './analytics-store.types.js';
import { DuckDbStore } from './duckdb-store.js';
import { makeTempDir, writeGenericCsv } from './fixtures/test-helpers.js';
import { parseProviderProfile } from './provider-profile.schema.js';
import { QueryInputError } from './query-input-error.js';

// Rule 14: values reach DuckDB as bound parameters. Spliced into SQL text, a NUL ended DuckDB's
// parse of the quoted string ("unterminated quoted string", a 500 from the API); bound, each value
// below is only text no stored number has.
const K1 = '+447700900001';
const K2 = '+447700900002';
const K3 = '+447700900003';
const HOSTILE: [string, string][] = [
  ['NUL', '\0'],
  ['a known number and a NUL', `${K1}\0`],
  ['a NUL inside a known number', `+4477009\u000000001`],
  ['a single quote', "'"],
  ['a known number and a quote', `${K1}'`],
  ['a backslash', '\\'],
  ['a known number and a backslash', `${K1}\\`],
  ['an injection', "'; DROP TABLE numbers; --"],
  ['a lone surrogate', '\ud800'],
  ['a placeholder', '$1'],
  ['10,000 characters', 'x'.repeat(10_000)],
  ['10,000 quotes, backslashes and NULs', "'\\\0x".repeat(2_500)],
];

/** DuckDB's error messages start with their kind: "Parser Error: …", "Binder Error: …". */
const DUCKDB_ERROR = /^[A-Za-z ]+ Error: /;

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let store: DuckDbStore;
let ds: DatasetStore;
let idents: DatasetStore;

/** What a test compares after its calls: the data must be as imported. */
async function snapshot(d: DatasetStore, numbers: string[]) {
  return {
    stats: await d.stats(),
    count: await d.numberCount(),
    version: await d.dataVersion(),
    ids: [...(await d.lookupIds(numbers))].sort(),
    events: (await d.firstEvents(100)).map((e) => ({ ...e, start: e.start.toISOString() })),
  };
}
let before: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  temp = await makeTempDir();
  store = new DuckDbStore(temp.dir);
  ds = store.dataset('h');
  const rows = [];
  for (let i = 0; i < 6; i++) {
    const t = `2024-03-01T1${i}:00:00Z`;
    rows.push(
      `voice,${K1},${K2},${t},60,C1,,`,
      `sms,${K2},${K1},${t},,C1,,`,
      `voice,${K3},${K1},${t},5,C1,,`,
    );
  }
  await ds.importFiles([await writeGenericCsv(temp.dir, 'h.csv', rows)], getProfile('generic'));
  const sites = join(temp.dir, 'sites.csv');
  await writeFile(sites, 'cell_id,lat,lon,azimuth\nC1,51.5,-0.1,0\n');
  await ds.importCellSites(sites);
  idents = store.dataset('ids');
  const identifier = parseProviderProfile({
    ...getProfile('generic'),
    id: 'identifiers',
    party: { kind: 'identifier' },
  });
  await idents.importFiles(
    [
      await writeGenericCsv(temp.dir, 'i.csv', [
        `message,"o'brien@example.com",back\\slash@example.com,2024-03-01T10:00:00Z,,,,`,
        `message,back\\slash@example.com,"o'brien@example.com",2024-03-01T11:00:00Z,,,,`,
      ]),
    ],
    identifier,
  );
  before = await snapshot(ds, [K1, K2, K3]);
});

afterAll(async () => {
  await store.close();
  await temp.cleanup();
});

async function pairCount(d: DatasetStore, scope: Scope): Promise<number> {
  let n = 0;
  for await (const batch of d.streamPairs(scope)) n += batch.length;
  return n;
}

/** The error a call is refused with, or undefined when it answers. */
async function refusal(call: () => Promise<unknown>): Promise<unknown> {
  return call().then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe.each(HOSTILE)('a value holding %s', (_, v) => {
  it('is looked up as an unknown number, by the short and the long list', async () => {
    expect(await ds.lookupIds([v])).toEqual(new Map());
    const short = await ds.lookupIds([v, K1]);
    expect([...short.keys()]).toEqual([K1]);
    const long = await ds.lookupIds([...Array.from({ length: 70 }, (_, i) => `${v}${i}`), v, K1]);
    expect([...long.keys()]).toEqual([K1]);
  });

  it('answers the pair, timeline and co-location queries as for an unknown number', async () => {
    for (const both of [false, true]) {
      const opts = { bothDirections: both };
      expect(await ds.pairEvents(v, K2, undefined, opts)).toEqual({ total: 0, events: [] });
      expect(await ds.pairEvents(K1, v, undefined, opts)).toEqual({ total: 0, events: [] });
    }
    expect((await ds.timeline(v)).total).toBe(0);
    expect((await ds.timeline(K1, undefined, { other: v })).total).toBe(0);
    expect(await ds.coLocation(v, { windowMinutes: 60 })).toEqual([]);
    expect(await ds.coLocation(K1, { windowMinutes: 60, other: v })).toEqual([]);
    expect(await ds.coLocation(K1, { windowMinutes: 60, radiusMetres: 500, other: v })).toEqual([]);
    expect(await idents.lookupIds([v])).toEqual(new Map());
  });

  it('as a scope number matches nothing, beside a known number changes nothing', async () => {
    const scope = { numbers: [v] };
    expect((await ds.stats(scope)).records).toBe(0);
    expect(await pairCount(ds, scope)).toBe(0);
    expect((await ds.timeline(K1, scope)).total).toBe(0);
    expect((await ds.pairEvents(K1, K2, scope)).total).toBe(0);
    expect(await ds.coLocation(K1, { windowMinutes: 60, scope })).toEqual([]);
    expect(await ds.repeatedCoLocation({ windowMinutes: 60, minOccurrences: 1, scope })).toEqual([]);
    const mixed = { numbers: [v, K3] };
    expect(await ds.stats(mixed)).toEqual(await ds.stats({ numbers: [K3] }));
    expect(await pairCount(ds, mixed)).toBe(await pairCount(ds, { numbers: [K3] }));
  });

  it('as a time zone is refused as the caller’s mistake, not a DuckDB error', async () => {
    const error = await refusal(() => ds.timeline(K1, undefined, { timeZone: v }));
    expect(error).toBeInstanceOf(QueryInputError);
    expect((error as QueryInputError).field).toBe('timeZone');
  });

  it('leaves the data as it was imported', async () => {
    expect(await snapshot(ds, [K1, K2, K3])).toEqual(before);
  });
});

it('stored parties holding a quote or a backslash are found by every lookup', async () => {
  const [quote, slash] = ["o'brien@example.com", 'back\\slash@example.com'];
  const ids = await idents.lookupIds([quote, slash]);
  expect(ids.size).toBe(2);
  expect(await idents.lookupNumbers([ids.get(quote)!, ids.get(slash)!])).toEqual([quote, slash]);
  expect((await idents.timeline(quote)).total).toBe(2);
  expect((await idents.timeline(quote, undefined, { other: slash })).total).toBe(2);
  expect((await idents.pairEvents(quote, slash, undefined, { bothDirections: true })).total).toBe(2);
  expect((await idents.stats({ numbers: [slash] })).records).toBe(2);
});

it('a known IANA time zone is still used for the bins', async () => {
  const tokyo = await ds.timeline(K1, undefined, { timeZone: 'Asia/Tokyo' });
  // 10:00–15:00 UTC is 19:00–24:00 in Tokyo (UTC+9).
  expect(tokyo.byHour.slice(19)).toEqual([3, 3, 3, 3, 3]);
  expect(tokyo.byHour[0]).toBe(3);
});

const ODD_NUMBERS = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1.5, -1, 2 ** 60];

it.each(ODD_NUMBERS)('a numeric option of %d answers or is refused as the caller’s mistake', async (x) => {
  const calls: [string, () => Promise<unknown>][] = [
    ['firstEvents', () => ds.firstEvents(x)],
    ['pairEvents limit', () => ds.pairEvents(K1, K2, undefined, { limit: x })],
    ['pairEvents offset', () => ds.pairEvents(K1, K2, undefined, { offset: x })],
    ['timeline', () => ds.timeline(K1, undefined, { silentHours: x, topContacts: x })],
    ['coLocation window', () => ds.coLocation(K1, { windowMinutes: x })],
    ['coLocation radius', () => ds.coLocation(K1, { windowMinutes: 60, radiusMetres: x, limit: x })],
    ['repeated window', () => ds.repeatedCoLocation({ windowMinutes: x, minOccurrences: 1 })],
    [
      'repeated radius',
      () => ds.repeatedCoLocation({ windowMinutes: 60, minOccurrences: 1, radiusMetres: x }),
    ],
    ['repeated minimum', () => ds.repeatedCoLocation({ windowMinutes: 60, minOccurrences: x })],
    ['repeated limit', () => ds.repeatedCoLocation({ windowMinutes: 60, minOccurrences: 1, limit: x })],
    ['lookupNumbers', () => ds.lookupNumbers([x])],
    ['lookupNumbers long', () => ds.lookupNumbers([...Array.from({ length: 70 }, () => 0), x])],
  ];
  for (const [name, call] of calls) {
    const error = await refusal(call);
    if (error === undefined) continue;
    const message = error instanceof Error ? error.message : String(error);
    // An id the dataset does not hold is refused by name; any other refusal is a QueryInputError.
    const domain = error instanceof QueryInputError || message.startsWith('unknown number id');
    expect({ name, message, domain }).toEqual({
      name,
      message: expect.not.stringMatching(DUCKDB_ERROR),
      domain: true,
    });
  }
  expect(await snapshot(ds, [K1, K2, K3])).toEqual(before);
});
