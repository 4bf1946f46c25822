import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { expect, it } from 'vitest';
import { getProfile } from '../profiles/profile-registry.js';
import { readRejects, storePerTest, writeGenericCsv } from './fixtures/test-helpers.js';
import { parseProviderProfile } from './provider-profile.schema.js';
import { sqlString } from './sql-literal.js';

const temp = storePerTest();

// Parties are normalised once per distinct value and their rules applied after the other rules
// have marked the rows: these are the cases where that order could change an answer.
const ROWS = [
  'voice,07700900123,07700900456,2024-03-01T10:00:00Z,60,C1,,', // 2: good
  'voice,not-a-number,07700900111,2024-13-45T99:00:00Z,60,C1,,', // 3: bad A and bad time
  'voice,07700900222,,2024-03-01T10:00:00Z,abc,C1,,', // 4: blank B and bad duration
  'voice,07700900333,07700900456,2024-03-01T10:00:00Z,-5,C9,,', // 5: good parties, bad duration
  'voice,07700900123,0,2024-03-01T11:00:00Z,60,C1,,', // 6: bad B
  'voice,  ,07700900123,2024-03-01T12:00:00Z,60,C1,,', // 7: spaces only
  'voice,+44 7700 900456,07700900123,2024-03-01T13:00:00Z,60,C1,,', // 8: good, 0456 spelt another way
];

const EXPECTED_REJECTS = [
  [3, 'bad A number'], // the party rules come first
  [4, 'empty B party'],
  [5, 'bad duration'],
  [6, 'bad B number'],
  [7, 'empty A party'],
];

it('names the party rule before any other, and adds no number seen only in rejected rows', async () => {
  const path = await writeGenericCsv(temp.dir, 'parties.csv', ROWS);
  const ds = temp.store.dataset('p');
  const result = await ds.importFiles([path], getProfile('generic'));
  expect(result).toMatchObject({ read: 7, loaded: 2, duplicates: 0, rejected: 5 });
  const rejects = await readRejects(result.rejectsPath);
  expect(rejects.map((r) => [r.line, r.reason])).toEqual(EXPECTED_REJECTS);
  const unquoted = (raw: string) => raw.replace(/^"(.*)"$/, '$1').replaceAll('""', '"');
  expect(rejects.map((r) => unquoted(r.raw))).toEqual(
    EXPECTED_REJECTS.map(([line]) => ROWS[(line as number) - 2]),
  );
  // 0111, 0222 and 0333 appear only in rejected rows; 0123 and 0456 also in good ones.
  const ids = await ds.lookupIds([
    '+447700900123',
    '+447700900456',
    '+447700900111',
    '+447700900222',
    '+447700900333',
  ]);
  expect([...ids.keys()].sort()).toEqual(['+447700900123', '+447700900456']);
  expect((await ds.stats()).numbers).toBe(2);
  // A later import that uses 0333 in a good row adds it then.
  const later = await writeGenericCsv(temp.dir, 'later.csv', [
    'sms,07700900333,07700900123,2024-03-02T10:00:00Z,,C9,,',
  ]);
  expect(await ds.importFiles([later], getProfile('generic'))).toMatchObject({ loaded: 1, rejected: 0 });
  expect((await ds.lookupIds(['+447700900333'])).size).toBe(1);
});

it('gives a rejected Parquet row its fields as read, whichever rule rejected it', async () => {
  const csv = await writeGenericCsv(temp.dir, 'parties.csv', ROWS);
  const parquet = join(temp.dir, 'parties.parquet');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(
    `COPY (SELECT * FROM read_csv(${sqlString(csv)}, all_varchar = true)) TO ${sqlString(parquet)} (FORMAT parquet)`,
  );
  c.closeSync();
  db.closeSync();
  const profile = parseProviderProfile({
    ...getProfile('generic'),
    id: 'generic-parquet',
    format: 'parquet',
  });
  const result = await temp.store.dataset('q').importFiles([parquet], profile);
  expect(result).toMatchObject({ read: 7, loaded: 2, rejected: 5 });
  const rejects = await readRejects(result.rejectsPath);
  // Parquet has no lines: the line is the row number from 1 (the CSV's line less its header), the
  // raw text the fields as read joined with ' | '.
  expect(rejects.map((r) => [r.line + 1, r.reason])).toEqual(EXPECTED_REJECTS);
  expect(rejects.find((r) => r.reason === 'bad A number')?.raw).toBe(
    'voice | not-a-number | 07700900111 | 2024-13-45T99:00:00Z | 60 | C1',
  );
  expect(rejects.find((r) => r.reason === 'empty A party')?.raw).toBe(
    'voice |    | 07700900123 | 2024-03-01T12:00:00Z | 60 | C1',
  );
});

it('rejects every row of a large file read with the wrong time format, and loads nothing', async () => {
  // 200,000 rejected lines: their raw text is looked up by line number in one pass.
  const rows = Array.from(
    { length: 200_000 },
    (_, i) => `sms,07700${String(i).padStart(6, '0')},07700900123,01/03/2024 10:00,,,,`,
  );
  const path = await writeGenericCsv(temp.dir, 'wrong-times.csv', rows);
  const result = await temp.store.dataset('w').importFiles([path], getProfile('generic'));
  expect(result).toMatchObject({
    read: 200_000,
    loaded: 0,
    rejected: 200_000,
    rejectReasons: { 'bad time': 200_000 },
  });
  expect(result.firstRejects[0]).toMatchObject({ line: 2, reason: 'bad time', raw: rows[0] });
  expect((await temp.store.dataset('w').stats()).numbers).toBe(0);
});
