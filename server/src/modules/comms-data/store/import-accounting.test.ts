import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { getProfile } from '../profiles/profile-registry.js';
import type { ImportResult } from './analytics-store.types.js';
import { GENERIC_HEADER, importRefusal, readRejects, storePerTest } from './fixtures/test-helpers.js';

const temp = storePerTest();
const generic = getProfile('generic');

/** A generic-profile record whose duration is its 1-based line number (so a line can be checked). */
const valid = (line: number) =>
  `voice,+4477009${String(line % 100_000).padStart(5, '0')},+447700900999,2024-03-01T10:00:00Z,${line},,,`;

/** Writes the header then one line per `lineAt(n)` (n = the line's 1-based number). */
async function writeLines(name: string, count: number, lineAt: (line: number) => string): Promise<string> {
  const path = join(temp.dir, name);
  const out = createWriteStream(path);
  out.write(`${GENERIC_HEADER}\n`);
  for (let line = 2; line <= count + 1; line++) if (!out.write(`${lineAt(line)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return path;
}

/** The line accounting every import result must satisfy. */
function expectAccounted(result: ImportResult): void {
  for (const f of result.files) {
    expect(f.headerLines + f.blankLines + f.continuationLines + f.read).toBe(f.lines);
    expect(f.loaded + f.duplicates + f.rejected + f.outOfScope).toBe(f.read);
  }
  expect(result.loaded + result.duplicates + result.rejected + result.outOfScope).toBe(result.read);
}

// 9,000 garbage lines of 1,000 bytes put a buffer boundary of DuckDB's parallel CSV scan (8 MB)
// in a stretch with no well-formed line: the scan then drops the rest of the file without a reject.
const GARBAGE = 'x'.repeat(999);

it('loads the valid rows after 9 MB of rejected long lines, and rejects every garbage line by number', async () => {
  const path = await writeLines('garbage-then-valid.csv', 9_100, (line) =>
    line <= 9_001 ? GARBAGE : valid(line),
  );
  const result = await temp.store.dataset('g').importFiles([path], generic);
  expectAccounted(result);
  expect(result).toMatchObject({ lines: 9_101, read: 9_100, loaded: 100, rejected: 9_000, warnings: [] });
  expect(result.rejectReasons).toEqual({ 'wrong column count': 9_000 });
  const rejects = await readRejects(result.rejectsPath);
  expect(rejects.map((r) => r.line)).toEqual(Array.from({ length: 9_000 }, (_, i) => i + 2));
  // Each loaded record kept its own line: its duration is its line number.
  const events = await temp.store.dataset('g').firstEvents(200);
  expect(events.map((e) => e.sourceLine).sort((x, y) => x - y)).toEqual(
    Array.from({ length: 100 }, (_, i) => 9_002 + i),
  );
  for (const e of events) expect(e.durationS).toBe(e.sourceLine);
});

it('accounts for valid rows interleaved with long garbage across buffer boundaries', async () => {
  // One valid row in 40 lines: some 8 MB stretches of the scan start far from a valid line.
  const path = await writeLines('interleaved.csv', 20_000, (line) =>
    line % 40 === 0 ? valid(line) : GARBAGE,
  );
  const result = await temp.store.dataset('i').importFiles([path], generic);
  expectAccounted(result);
  expect(result.loaded).toBe(500);
  expect(result.rejected).toBe(19_500);
  const events = await temp.store.dataset('i').firstEvents(1_000);
  for (const e of events) expect(e.durationS).toBe(e.sourceLine);
});

it('rejects a single 50 MB line by number and says nothing was loadable', async () => {
  const path = join(temp.dir, 'one-line.csv');
  await writeFile(path, `${GENERIC_HEADER}\n${'y'.repeat(50 * 1024 * 1024)}\n`);
  const result = await temp.store.dataset('o').importFiles([path], generic);
  expectAccounted(result);
  expect(result).toMatchObject({ lines: 2, read: 1, loaded: 0, rejected: 1 });
  expect(result.firstRejects[0]).toMatchObject({ line: 2, reason: 'line longer than 2 MiB' });
  expect(result.warnings).toEqual([
    expect.stringMatching(/^nothing loadable in .*one-line\.csv: of its 1 record, 1 rejected and 0 outside/),
  ]);
});

it('says so when a file holds no records, and counts its header and blank lines', async () => {
  const path = join(temp.dir, 'empty.csv');
  await writeFile(path, `${GENERIC_HEADER}\n\n\n`);
  const result = await temp.store.dataset('e').importFiles([path], generic);
  expectAccounted(result);
  expect(result.files[0]).toMatchObject({ lines: 3, headerLines: 1, blankLines: 2, read: 0 });
  expect(result.warnings).toEqual([expect.stringMatching(/empty\.csv holds no records \(3 lines\)$/)]);
  const headerless = join(temp.dir, 'nothing.txt');
  await writeFile(headerless, '');
  const none = await temp.store.dataset('e2').importFiles([headerless], getProfile('snap-temporal'));
  expect(none).toMatchObject({ lines: 0, read: 0, loaded: 0 });
  expect(none.warnings).toEqual([expect.stringMatching(/nothing\.txt holds no records \(0 lines\)$/)]);
});

it('counts the continuation lines of multi-line quoted records and blank lines between records', async () => {
  const path = join(temp.dir, 'multi.csv');
  const rows = [
    valid(2),
    '',
    `"voice",+447700900001,+447700900002,2024-03-01T10:00:00Z,4,"C`,
    'ELL",,',
    valid(6),
  ];
  await writeFile(path, `${GENERIC_HEADER}\n${rows.join('\n')}\n`);
  const result = await temp.store.dataset('m').importFiles([path], generic);
  expectAccounted(result);
  expect(result.files[0]).toMatchObject({
    lines: 6,
    headerLines: 1,
    blankLines: 1,
    continuationLines: 1,
    read: 3,
    loaded: 3,
  });
});

it('sets apart records outside the authorised period or numbers, and says how many', async () => {
  const path = join(temp.dir, 'scope.csv');
  const rows = [
    'voice,+447700900001,+447700900002,2024-03-31T23:30:00Z,1,,,', // in: the last half hour of the period
    'voice,+447700900001,+447700900002,1970-01-01T00:00:00Z,2,,,', // before the period
    'voice,+447700900001,+447700900002,2024-04-01T00:00:00Z,3,,,', // after it
    'voice,+447700900003,+447700900004,2024-03-02T00:00:00Z,4,,,', // neither party authorised
    'voice,07700900002,+447700900005,2024-03-02T00:00:00Z,5,,,', // B authorised once normalised
    'voice,bad,+447700900001,1970-01-01T00:00:00Z,6,,,', // a bad party is a reject first
  ];
  await writeFile(path, `${GENERIC_HEADER}\n${rows.join('\n')}\n`);
  const authorised = {
    from: new Date('2024-03-01T00:00:00Z'),
    to: new Date('2024-03-31T23:59:59.999Z'),
    numbers: ['+447700900001', '07700900002'], // as written in the authorisation: read by the profile's rules
  };
  const ds = temp.store.dataset('s');
  const result = await ds.importFiles([path], generic, { authorised });
  expectAccounted(result);
  expect(result).toMatchObject({ read: 6, loaded: 2, rejected: 1, outOfScope: 3 });
  expect(result.rejectReasons).toEqual({
    'outside the authorised period': 2,
    'outside the authorised numbers': 1,
    'bad A number': 1,
  });
  expect(result.warnings).toEqual([
    expect.stringContaining('2 records dated outside the authorised period'),
    expect.stringContaining('1 record with neither party among the authorised numbers'),
  ]);
  const rejects = await readRejects(result.rejectsPath);
  expect(rejects.map((r) => [r.line, r.reason])).toEqual([
    [3, 'outside the authorised period'],
    [4, 'outside the authorised period'],
    [5, 'outside the authorised numbers'],
    [7, 'bad A number'],
  ]);
  // Never loaded: the store's own counts agree with the import's, and no out-of-scope number was added.
  expect((await ds.stats()).records).toBe(2);
  expect([...(await ds.lookupIds(['+447700900003', '+447700900004'])).keys()]).toEqual([]);
});

it('a file of only a byte-order mark holds no records; lines ending in CR only are refused with the remedy', async () => {
  const snap = getProfile('snap-temporal');
  const bom = join(temp.dir, 'bom.txt');
  await writeFile(bom, '\ufeff');
  const result = await temp.store.dataset('b').importFiles([bom], snap);
  expectAccounted(result);
  expect(result).toMatchObject({ read: 0, warnings: [expect.stringContaining('holds no records')] });
  const cr = join(temp.dir, 'mac.txt');
  await writeFile(cr, '1 2 3\r4 5 6\r');
  const refused = await importRefusal(temp.store.dataset('c'), [cr], snap);
  expect(refused.message).toMatch(/lines end in CR only .* convert them to LF/);
});
