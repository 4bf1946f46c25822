import { DuckDBInstance, listValue } from '@duckdb/node-api';
import { expect, it } from 'vitest';
import { e164Sql, UK_NUMBER_FORMAT } from './e164.sql.js';

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
