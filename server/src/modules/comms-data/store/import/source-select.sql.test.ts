import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { expect, it } from 'vitest';
import { tempDirPerTest } from '../fixtures/test-helpers.js';
import { parseProviderProfile } from '../provider-profile.schema.js';
import { partyNormalSql, stageSelectSql } from './source-select.sql.js';

const temp = tempDirPerTest();

/** Stages `lines` (after a `t,a,b,start` header) with the profile's type codes; returns the staged rows. */
async function stage(codes: Record<string, unknown>, lines: string[], defaultType?: string) {
  const profile = parseProviderProfile({
    id: 'spellings',
    columns: { type: 't', a: 'a', b: 'b', start: 'start' },
    time: { kind: 'iso', timeZone: 'UTC' },
    party: { kind: 'phone' },
    eventType: { codes, ...(defaultType ? { default: defaultType } : {}) },
  });
  const path = join(temp.dir, 'in.csv');
  await writeFile(path, ['t,a,b,start', ...lines].join('\n'));
  const sql = stageSelectSql(profile, {
    path,
    headerNames: ['t', 'a', 'b', 'start'],
    rejectsTable: 'rej',
    rejectsScanTable: 'rej_scan',
  });
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const parties = partyNormalSql(profile, '(SELECT DISTINCT ra AS r FROM s)');
    const reader =
      await connection.runAndReadAll(`WITH s AS (SELECT *, row_number() OVER () AS k FROM (${sql}))
      SELECT type, served, p.n AS a, reason FROM s LEFT JOIN (${parties}) p ON p.r = s.ra ORDER BY s.k`);
    return reader.getRows().map(([type, served, a, reason]) => ({ type, served, a, reason }));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const row = (t: string, a = '07700900123') => `${t},${a},07700900456,2024-01-01T00:00:00Z`;

it('matches type codes in any case and with surrounding spaces, as written or not', async () => {
  const codes = { 'Voice Call': 'voice', mtc: { type: 'voice', served: 'b' }, 'SMS-MO': 'sms' };
  const spellings = [
    'Voice Call',
    'VOICE CALL',
    'voice call',
    ' vOICE cALL ',
    'MTC',
    'Mtc',
    ' mtc',
    'sms-mo',
  ];
  const got = await stage(codes, [...spellings.map((t) => row(t)), row('voicecall'), row('\tMTC')]);
  expect(got.map((r) => [r.type, r.served, r.reason])).toEqual([
    [0, 0, null],
    [0, 0, null],
    [0, 0, null],
    [0, 0, null],
    [0, 1, null],
    [0, 1, null],
    [0, 1, null],
    [1, 0, null],
    [null, 0, 'unknown type code'],
    [null, 0, 'unknown type code'], // DuckDB's trim removes spaces, not tabs
  ]);
});

it('gives a blank type the default and the first of two codes that spell the same', async () => {
  const got = await stage({ DATA: 'data', data: 'sms' }, [row(''), row('  '), row('Data')], 'message');
  expect(got.map((r) => r.type)).toEqual([3, 3, 2]);
});

it('normalises bare-digit numbers that are not E.164 to nothing, and spaced ones through the full strip', async () => {
  const numbers = ['0000000000', '+0447700900123', '12345678901234567890', '0', '+', '7700900123'];
  const got = await stage({ V: 'voice' }, [...numbers.map((n) => row('V', n)), row('V', '+44 7700 900123')]);
  expect(got.map((r) => r.a)).toEqual([null, null, null, null, null, '+447700900123', '+447700900123']);
});
