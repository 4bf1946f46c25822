import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { getProfile } from '../profiles/profile-registry.js';
import { repoRoot } from './fixtures/test-helpers.js';
import { ProviderProfileSchema } from './provider-profile.schema.js';

const base = getProfile('provider-a');
const withTime = (time: unknown) => ({ ...base, time });
const issues = (input: unknown) =>
  ProviderProfileSchema.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

describe('provider profile validation', () => {
  it('accepts every strptime specifier DuckDB knows, and refuses the ones it does not', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const duckdbKnows = async (spec: string) =>
      c.run(`SELECT try_strptime('x', '${spec}')`).then(
        () => true,
        () => false,
      );
    try {
      for (const letter of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ%') {
        for (const spec of [`%${letter}`, `%-${letter}`]) {
          const accepted = issues(withTime({ kind: 'format', format: `x ${spec}` })).length === 0;
          expect([spec, accepted]).toEqual([spec, await duckdbKnows(spec)]);
        }
      }
    } finally {
      c.closeSync();
      db.closeSync();
    }
    expect(issues(withTime({ kind: 'format', format: ['%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M %'] }))).toEqual([
      ['time.format.1', "unknown strptime specifier (use e.g. '%d/%m/%Y %H:%M:%S'; %% for a literal %)"],
    ]);
  });

  it('refuses a time zone that is not in the IANA database', () => {
    expect(issues(withTime({ kind: 'iso', timeZone: 'Europe/Londres' }))).toEqual([
      ['time.timeZone', "not a known IANA time zone (e.g. 'Europe/London', 'UTC')"],
    ]);
    expect(issues(withTime({ kind: 'iso', timeZone: 'Asia/Kolkata' }))).toEqual([]);
  });

  it('names the field of each rule that spans several fields', () => {
    const { start: _s, date: _d, time: _t, ...columns } = base.columns;
    expect(issues({ ...base, columns })).toEqual([
      ['columns.start', 'give either columns.start or both columns.date and columns.time'],
    ]);
    expect(issues({ ...base, columns: { ...base.columns, type: undefined }, eventType: {} })).toEqual([
      ['eventType.default', 'give columns.type or eventType.default'],
    ]);
    expect(issues({ ...base, csv: { header: false }, columns: { ...base.columns, a: 1 } })).toContainEqual([
      'csv.columnCount',
      'a headerless CSV needs csv.columnCount',
    ]);
    expect(issues({ ...base, columns: { ...base.columns, b: '' } })).toEqual([
      ['columns.b', 'a column name cannot be empty'],
    ]);
    expect(issues({ ...base, columns: { ...base.columns, b: true } })).toEqual([
      ['columns.b', 'a column name, or a 1-based column position for a headerless file'],
    ]);
    expect(issues({ ...base, id: 'Provider A' })[0]?.[0]).toBe('id');
  });
});

it('docs/provider-profiles.md: every JSON example is a valid profile', async () => {
  const doc = await readFile(join(repoRoot, 'docs/provider-profiles.md'), 'utf8');
  const examples = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as unknown);
  expect(examples.length).toBeGreaterThanOrEqual(2);
  for (const example of examples) expect(issues(example)).toEqual([]);
});
