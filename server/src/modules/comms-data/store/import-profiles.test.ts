import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { getProfile } from '../profiles/profile-registry.js';
import { fixturesDir, importRefusal, readRejects, storePerTest } from './fixtures/test-helpers.js';
import { parseProviderProfile } from './provider-profile.schema.js';

const temp = storePerTest();

interface Case {
  profile: string;
  file: string;
  counts: { read: number; loaded: number; duplicates: number; rejected: number };
  rejects: [number, string][];
}

const cases: Case[] = [
  {
    profile: 'generic',
    file: 'generic.csv',
    counts: { read: 12, loaded: 3, duplicates: 1, rejected: 8 },
    rejects: [
      [5, 'empty A party'],
      [6, 'bad B number'],
      [7, 'bad time'],
      [8, 'unknown type code'],
      [9, 'wrong column count'],
      [11, 'bad duration'],
      [12, 'bad duration'], // too large for the duration column: a reject, not a failed import
      [13, 'empty B party'], // a blank party is named before a bad one
    ],
  },
  {
    profile: 'provider-a',
    file: 'provider-a.csv',
    counts: { read: 8, loaded: 4, duplicates: 1, rejected: 3 },
    rejects: [
      [6, 'unknown type code'],
      [7, 'bad time'],
      [10, 'bad duration'],
    ],
  },
  {
    profile: 'provider-b',
    file: 'provider-b.csv',
    counts: { read: 9, loaded: 3, duplicates: 1, rejected: 5 },
    rejects: [
      [4, 'empty B party'],
      [5, 'bad time'],
      [6, 'wrong column count'],
      [8, 'unknown type code'],
      [9, 'bad A number'],
    ],
  },
  {
    profile: 'snap-temporal',
    file: 'snap-temporal.txt',
    counts: { read: 7, loaded: 3, duplicates: 1, rejected: 3 },
    rejects: [
      [4, 'empty B party'],
      [5, 'bad time'],
      [7, 'wrong column count'],
    ],
  },
];

describe.each(cases)('import with profile $profile', (c) => {
  it('loads, de-duplicates and rejects with line numbers; counts add up', async () => {
    const ds = temp.store.dataset('t');
    const path = join(fixturesDir, c.file);
    const result = await ds.importFiles([path], getProfile(c.profile));
    expect({
      read: result.read,
      loaded: result.loaded,
      duplicates: result.duplicates,
      rejected: result.rejected,
    }).toEqual(c.counts);
    expect(result.read).toBe(result.loaded + result.duplicates + result.rejected);
    const rejects = await readRejects(result.rejectsPath);
    expect(rejects.map((r) => [r.line, r.reason])).toEqual(c.rejects);
    expect(rejects.every((r) => r.file === path && r.raw.length > 0)).toBe(true);
    expect((await ds.stats()).records).toBe(c.counts.loaded);
    // Importing the same file again loads nothing new: everything is a duplicate or rejected again.
    const again = await ds.importFiles([path], getProfile(c.profile));
    expect(again).toMatchObject({ loaded: 0, duplicates: c.counts.loaded + c.counts.duplicates });
  });

  it('reads the gzip-compressed file alike: same counts, same rejected lines and their text', async () => {
    const plain = join(fixturesDir, c.file);
    const gz = join(temp.dir, `${c.file}.gz`);
    await writeFile(gz, gzipSync(await readFile(plain)));
    const [fromPlain, fromGz] = [
      await temp.store.dataset('plain').importFiles([plain], getProfile(c.profile)),
      await temp.store.dataset('gz').importFiles([gz], getProfile(c.profile)),
    ];
    const counts = (r: typeof fromPlain) => [r.read, r.loaded, r.duplicates, r.rejected];
    expect(counts(fromGz)).toEqual(counts(fromPlain));
    const rows = async (path: string) => (await readRejects(path)).map((r) => [r.line, r.reason, r.raw]);
    expect(await rows(fromGz.rejectsPath)).toEqual(await rows(fromPlain.rejectsPath));
    expect(await temp.store.dataset('gz').stats()).toEqual(await temp.store.dataset('plain').stats());
  });
});

describe('normalised values', () => {
  it('provider-a: Europe/London local time to UTC, hh:mm:ss durations, served party, multi-line record', async () => {
    const ds = temp.store.dataset('a');
    await ds.importFiles([join(fixturesDir, 'provider-a.csv')], getProfile('provider-a'));
    const page = await ds.pairEvents('+447700900123', '+447700900456', undefined, { bothDirections: true });
    const rows = page.events.map((e) => [e.a, e.b, e.start.toISOString(), e.durationS, e.type, e.sourceLine]);
    expect(rows).toEqual([
      ['+447700900456', '+447700900123', '2024-01-15T09:30:00.000Z', 10, 'voice', 3],
      ['+447700900123', '+447700900456', '2024-07-01T11:00:00.000Z', 90, 'voice', 2],
      ['+447700900123', '+447700900456', '2024-07-01T12:00:00.000Z', 5, 'voice', 8],
    ]);
    // MTC: the cell locates the B party (the served subscriber), so 0123 is the one on CELL-2.
    const tl = await ds.coLocation('+447700900123', { windowMinutes: 60 });
    expect(tl).toEqual([]);
  });

  it('snap-temporal-unix: Unix seconds (snap-temporal counts from 2003-10-01)', async () => {
    const path = join(temp.dir, 'CollegeMsg.txt');
    await writeFile(path, '1 2 1082040961\n2 1 1082155839\n');
    const ds = temp.store.dataset('u');
    await ds.importFiles([path], getProfile('snap-temporal-unix'));
    const page = await ds.pairEvents('1', '2', undefined, { bothDirections: true });
    expect(page.events.map((e) => [e.a, e.b, e.type, e.start.toISOString()])).toEqual([
      ['1', '2', 'message', '2004-04-15T14:56:01.000Z'],
      ['2', '1', 'message', '2004-04-16T22:50:39.000Z'],
    ]);
  });

  it('provider-b: epoch milliseconds and national numbers', async () => {
    const ds = temp.store.dataset('b');
    await ds.importFiles([join(fixturesDir, 'provider-b.csv')], getProfile('provider-b'));
    const page = await ds.pairEvents('+447700900789', '+447700900123');
    expect(
      page.events.map((e) => [e.type, e.start.toISOString(), e.durationS, e.cellId, e.sourceLine]),
    ).toEqual([['data', '2024-03-01T11:00:00.000Z', null, null, 10]]);
    const ids = await ds.lookupIds(['+447700900123', '+447700900456', '+447700900789', 'nope']);
    expect([...ids.keys()].sort()).toEqual(['+447700900123', '+447700900456', '+447700900789']);
    expect(await ds.lookupNumbers([...ids.values()])).toEqual([...ids.keys()]);
    expect(await ds.numberCount()).toBe(3);
  });
});

it('refuses a zstd-compressed CSV by name, with the remedy, and loads nothing', async () => {
  const path = join(temp.dir, 'records.csv.zst');
  await writeFile(path, 'not read');
  expect(await importRefusal(temp.store.dataset('z'), [path], getProfile('generic'))).toMatchObject({
    field: 'files',
    message: expect.stringContaining('decompress it or use gzip'),
  });
  expect((await temp.store.dataset('z').stats()).records).toBe(0);
});

it('reports a broken gzip stream or a file that is not Parquet as the file, leaving the data as it was', async () => {
  const ds = temp.store.dataset('broken');
  await ds.importFiles([join(fixturesDir, 'generic.csv')], getProfile('generic'));
  const before = await ds.stats();
  const truncated = join(temp.dir, 'records.csv.gz');
  await writeFile(truncated, gzipSync(await readFile(join(fixturesDir, 'generic.csv'))).subarray(0, 120));
  const notParquet = join(temp.dir, 'records.parquet');
  await writeFile(notParquet, 'type,a,b\n');
  const parquet = parseProviderProfile({
    ...getProfile('generic'),
    id: 'generic-parquet',
    format: 'parquet',
  });
  for (const [path, profile] of [
    [truncated, getProfile('generic')],
    [notParquet, parquet],
  ] as const) {
    expect(await importRefusal(ds, [path], profile)).toMatchObject({
      field: 'files',
      message: expect.stringContaining(`${path} cannot be read`),
    });
  }
  expect(await ds.stats()).toEqual(before);
});
