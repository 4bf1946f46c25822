import { describe, expect, it } from 'vitest';
import { loadConfig } from '#server/config';
import {
  addMonths,
  birthdayAt,
  ccaNoticeDue,
  deploymentDays,
  grantExpiry,
  isCurrent,
  isJuvenile,
  isLongTerm,
  isUnder16,
  renewalExpiry,
  retainUntil,
} from './sources.rules';

const config = loadConfig({ LANTERN_ENV: 'test' }).sources;
const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;

describe('the clocks of an authorisation (RIPA s.43(3))', () => {
  it('runs 12 months from the start of the day it took effect', () => {
    expect(grantExpiry(at('2026-03-10T15:45:00Z'), { urgency: 'routine', juvenile: false }, config)).toEqual(
      at('2027-03-10T00:00:00Z'),
    );
  });

  it('runs 4 months for a juvenile (SI 2000/2793 art. 6)', () => {
    expect(grantExpiry(at('2026-03-10T15:45:00Z'), { urgency: 'routine', juvenile: true }, config)).toEqual(
      at('2026-07-10T00:00:00Z'),
    );
  });

  it('runs 72 hours from the grant when urgent, juvenile or not', () => {
    for (const juvenile of [false, true])
      expect(grantExpiry(at('2026-03-10T15:45:00Z'), { urgency: 'urgent', juvenile }, config)).toEqual(
        at('2026-03-13T15:45:00Z'),
      );
  });

  it('renews on from the old expiry, never from the day of renewal', () => {
    const old = at('2027-03-10T00:00:00Z');
    expect(renewalExpiry(old, false, config)).toEqual(at('2028-03-10T00:00:00Z'));
    expect(renewalExpiry(old, true, config)).toEqual(at('2027-07-10T00:00:00Z'));
  });

  it('takes its values from configuration', () => {
    const other = loadConfig({
      LANTERN_ENV: 'test',
      LANTERN_SOURCES_AUTHORISATION_MONTHS: '6',
      LANTERN_SOURCES_URGENT_HOURS: '48',
    }).sources;
    expect(grantExpiry(at('2026-01-15T08:00:00Z'), { urgency: 'routine', juvenile: false }, other)).toEqual(
      at('2026-07-15T00:00:00Z'),
    );
    expect(grantExpiry(at('2026-01-15T08:00:00Z'), { urgency: 'urgent', juvenile: false }, other)).toEqual(
      at('2026-01-17T08:00:00Z'),
    );
  });

  it('clamps a month to its last day: 31 January + 1 month is the end of February', () => {
    expect(addMonths(at('2026-01-31T00:00:00Z'), 1)).toEqual(at('2026-02-28T00:00:00Z'));
    expect(addMonths(at('2028-01-31T00:00:00Z'), 1)).toEqual(at('2028-02-29T00:00:00Z'));
  });
});

describe('the juvenile flags (date of birth against the clock)', () => {
  it('drops the juvenile flag at the start of the 18th birthday', () => {
    expect(isJuvenile('2008-05-20', at('2026-05-19T23:59:59Z'))).toBe(true);
    expect(isJuvenile('2008-05-20', at('2026-05-20T00:00:00Z'))).toBe(false);
  });

  it('flags under-16 until the 16th birthday', () => {
    expect(isUnder16('2010-05-20', at('2026-05-19T12:00:00Z'))).toBe(true);
    expect(isUnder16('2010-05-20', at('2026-05-20T12:00:00Z'))).toBe(false);
  });

  it('a leapling turns 18 on 1 March of a common year', () => {
    expect(birthdayAt('2008-02-29', 18)).toEqual(at('2026-03-01T00:00:00Z'));
    expect(isJuvenile('2008-02-29', at('2026-02-28T12:00:00Z'))).toBe(true);
  });

  it('flags nothing without a recorded date of birth', () => {
    expect(isJuvenile(null, at('2026-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('the other clocks', () => {
  it('the written notice of a CCA is due 7 days after its grant or cancellation (s.32C)', () => {
    expect(ccaNoticeDue(at('2026-03-10T10:00:00Z'), config)).toEqual(at('2026-03-17T10:00:00Z'));
  });

  it('the central record is kept 3 years after an authorisation ends (LAW.md §3)', () => {
    expect(retainUntil(at('2026-03-10T00:00:00Z'), config)).toEqual(at('2029-03-10T00:00:00Z'));
  });

  it('a role is current from its start until, not including, its end', () => {
    const role = { fromAt: at('2026-01-01T00:00:00Z'), toAt: at('2026-02-01T00:00:00Z') };
    expect(isCurrent(role, at('2026-01-01T00:00:00Z'))).toBe(true);
    expect(isCurrent(role, at('2026-02-01T00:00:00Z'))).toBe(false);
    expect(isCurrent({ ...role, toAt: null }, at('2030-01-01T00:00:00Z'))).toBe(true);
  });

  it('counts undercover deployment per operation, and beyond 12 months it is long-term (SI 2013/2788)', () => {
    const from = at('2025-01-01T00:00:00Z');
    const periods = [
      { operation: 'Operation Elm', from, to: new Date(from.getTime() + 200 * DAY) },
      { operation: 'OPERATION  ELM', from: at('2025-09-01T00:00:00Z'), to: at('2025-10-01T00:00:00Z') },
      { operation: 'Operation Oak', from, to: new Date(from.getTime() + 300 * DAY) },
    ];
    expect(deploymentDays(periods)).toEqual(
      new Map([
        ['operation elm', 230],
        ['operation oak', 300],
      ]),
    );
    expect(isLongTerm(periods, 'operation elm', 130 * DAY, config)).toBe(false);
    expect(isLongTerm(periods, 'operation elm', 140 * DAY, config)).toBe(true);
    expect(isLongTerm(periods, 'Operation Birch', 365 * DAY, config)).toBe(false);
  });
});
