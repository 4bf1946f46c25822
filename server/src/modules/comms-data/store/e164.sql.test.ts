import { DuckDBInstance, listValue } from '@duckdb/node-api';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { e164BareSql, e164CandidateSql, e164Sql, e164ValidSql, UK_NUMBER_FORMAT } from './e164.sql.js';

const cases: [string, string | null][] = [
  ['07700 900123', '+447700900123'],
  ['447700900123', '+447700900123'],
  ['00447700900123', '+447700900123'],
  ['+447700900123', '+447700900123'],
  ['+44 (0)7700 900123', '+447700900123'],
  ['(020) 7946-0018', '+442079460018'],
  ['020.7946.0018', '+442079460018'],
  ['7700900123', '+447700900123'],
  ['0033 1 42 68 53 00', '+33142685300'],
  ['+1 (415) 555-2671', '+14155552671'],
  [' 07700900123 ', '+447700900123'],
  ['\t+447700900123', '+447700900123'],
  ['+', null],
  ['+44', null],
  ['12', null],
  ['', null],
  ['not-a-number', null],
  ['0770090012a', null],
  ['+0447700900123', null],
  ['+4477009001234567', null],
];

it('normalises numbers to E.164 with the UK defaults', async () => {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(
    `SELECT raw, ${e164Sql('raw', UK_NUMBER_FORMAT)} AS e164 FROM unnest($1::VARCHAR[]) WITH ORDINALITY t(raw, i) ORDER BY i`,
    [listValue(cases.map((c) => c[0]))],
  );
  const got = reader.getRowObjects().map((r) => [r.raw, r.e164]);
  expect(got).toEqual(cases);
  connection.closeSync();
  instance.closeSync();
});

it('checks bare-digit candidates by length and first digit exactly as the full E.164 pattern does', async () => {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  // Every length from 1 to 20 digits equally often (fast-check's own sizes favour short strings).
  const digits = fc
    .integer({ min: 1, max: 20 })
    .chain((n) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }));
  const bare = fc.tuple(fc.constantFrom('', '+'), digits).map(([p, d]) => p + d.join(''));
  const values = fc.sample(bare, { numRuns: 4000, seed: 164 });
  const candidate = e164CandidateSql('raw', UK_NUMBER_FORMAT);
  const reader = await connection.runAndReadAll(
    `SELECT raw, ${e164BareSql('raw')} AS bare, ${e164ValidSql(candidate, e164BareSql('raw'))} AS short,
       ${e164ValidSql(candidate)} AS pattern FROM unnest($1::VARCHAR[]) t(raw)`,
    [listValue(values)],
  );
  const rows = reader.getRowObjects();
  expect(rows.every((r) => r.bare === true)).toBe(true);
  expect(rows.filter((r) => r.short !== r.pattern)).toEqual([]);
  expect(rows.some((r) => r.short !== null) && rows.some((r) => r.short === null)).toBe(true);
  connection.closeSync();
  instance.closeSync();
});
