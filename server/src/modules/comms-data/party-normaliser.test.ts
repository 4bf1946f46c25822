import { DuckDBInstance, listValue } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { normaliseParty, type PartyRule, partyCandidates } from './party-normaliser';
import { getProfile } from './profiles/profile-registry.js';
import { partyNormalSql } from './store/import/source-select.sql.js';
import { parseProviderProfile } from './store/provider-profile.schema.js';

const UK: PartyRule = {
  kind: 'phone',
  defaultCountryCode: '44',
  nationalPrefix: '0',
  internationalPrefix: '00',
};
const RULES: Record<string, PartyRule> = {
  uk: UK,
  nanp: { kind: 'phone', defaultCountryCode: '1', nationalPrefix: '1', internationalPrefix: '011' },
  noTrunk: { kind: 'phone', defaultCountryCode: '39', nationalPrefix: '', internationalPrefix: '00' },
  identifier: { kind: 'identifier', lowercase: false },
  lowercase: { kind: 'identifier', lowercase: true },
};

// The cases of store/e164.sql.test.ts (UK), then more for the other rules and the identifiers.
const UK_CASES: [string, string | null][] = [
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
const MORE = [
  '07700900123',
  '\u00a007700 900123\u3000',
  '\u000b07700900123',
  '0770/090/0123',
  '+44(0)7700900123',
  '(0)7700900123',
  '44 7700 900123',
  '4477009001',
  '011 44 7700 900123',
  '1 415 555 2671',
  '14155552671',
  '4155552671',
  '06 1234 5678',
  '3906 1234 5678',
  '+39 06 1234 5678',
  '000',
  '+++44',
  '٠٧٧٠٠٩٠٠١٢٣',
  '0７７００９００１２３',
  '  Alice@Example.ORG  ',
  '\tAlice@x.org',
  'İSTANBUL',
  'ΣΑΣ',
  '   ',
  '\u2003',
  'a b',
];

let instance: DuckDBInstance;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
});
afterAll(() => instance.closeSync());

/** What the import stores for each raw value under the rule (its own SQL, store/import/source-select.sql.ts). */
async function sqlNormalised(rule: PartyRule, values: string[]): Promise<(string | null)[]> {
  const profile = parseProviderProfile({ ...getProfile('generic'), party: rule });
  const connection = await instance.connect();
  try {
    const source = '(SELECT DISTINCT unnest($1::VARCHAR[]) AS r)';
    const reader = await connection.runAndReadAll(
      `SELECT p.n FROM unnest($1::VARCHAR[]) WITH ORDINALITY t(raw, i)
       JOIN (${partyNormalSql(profile, source)}) p ON p.r = t.raw ORDER BY t.i`,
      [listValue(values)],
    );
    return reader.getRowObjects().map((row) => (row.n === null ? null : String(row.n)));
  } finally {
    connection.closeSync();
  }
}

it('normalises a party exactly as the import does, on the E.164 cases and more, under each rule', async () => {
  expect(UK_CASES.map(([raw]) => normaliseParty(raw, UK))).toEqual(UK_CASES.map(([, e164]) => e164));
  const values = [...UK_CASES.map(([raw]) => raw), ...MORE];
  for (const [name, rule] of Object.entries(RULES)) {
    const js = values.map((v) => normaliseParty(v, rule));
    expect({ name, normalised: js }).toEqual({ name, normalised: await sqlNormalised(rule, values) });
  }
});

it('agrees with the import on random values of digits, prefixes, separators, spaces and letters', async () => {
  const alphabet = [
    ...'0123456789'.split(''),
    ...'0000111144'.split(''),
    '+',
    '(0)',
    '(',
    ')',
    ' ',
    '-',
    '.',
    '/',
    '\t',
    '\n',
    '\u000b',
    '\u00a0',
    '\u3000',
    'a',
    'Z',
    'İ',
    'Σ',
    '٣',
  ];
  const value = fc.array(fc.constantFrom(...alphabet), { maxLength: 22 }).map((parts) => parts.join(''));
  const values = fc.sample(value, { numRuns: 3000, seed: 1644 });
  for (const [name, rule] of Object.entries(RULES)) {
    const sql = await sqlNormalised(rule, values);
    const differ = values.filter((v, i) => normaliseParty(v, rule) !== sql[i]);
    expect({ name, differ }).toEqual({ name, differ: [] });
  }
});

it('gives the distinct forms of a value under several rules, in their order', () => {
  expect(partyCandidates('07700900123', [UK, UK])).toEqual(['+447700900123']);
  expect(partyCandidates('2125550123', [UK, RULES.nanp!])).toEqual(['+442125550123', '+12125550123']);
  expect(partyCandidates('not-a-number', [UK])).toEqual([]);
  expect(partyCandidates(' Bob@X.org ', [RULES.identifier!, RULES.lowercase!])).toEqual([
    'Bob@X.org',
    'bob@x.org',
  ]);
});
