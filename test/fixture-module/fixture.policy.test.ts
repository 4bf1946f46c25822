import { describe, expect, it } from 'vitest';
import type { Actor } from '#server/platform/auth/actor';
import { AppError } from '#server/platform/errors/index';
import { MARK_WITHIN_CLEARANCE_RULE } from '#server/platform/access/policy';
import { authorizeCreate, fixtureAbilitiesOf } from './fixture.policy';

const actor = (overrides: Partial<Actor> = {}): Actor => ({
  id: 'u1',
  username: 'u1',
  displayName: 'U1',
  roles: ['handler'],
  clearance: 'SECRET',
  caveats: ['UK EYES ONLY'],
  compartmentIds: new Set(['A']),
  ...overrides,
});
const record = { classification: 'SECRET' as const, caveats: ['UK EYES ONLY'], compartmentId: 'A' };

function refusal(run: () => void): { code: string; fields?: string[] } | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const fields = error.details?.fields?.map((f) => f.path);
    return fields ? { code: error.code, fields } : { code: error.code };
  }
}

describe('fixture abilities', () => {
  it('a reader in the compartment with the markings may do everything', () => {
    expect(fixtureAbilitiesOf(actor(), record)).toEqual({ update: true, delete: true, readSecret: true });
  });

  it('the inspector reads, secret included, but changes nothing', () => {
    expect(fixtureAbilitiesOf(actor({ roles: ['inspector'] }), record)).toEqual({
      update: false,
      delete: false,
      readSecret: true,
    });
  });

  it('the administrator holds no fixture permission: no ability even on a record in reach', () => {
    expect(fixtureAbilitiesOf(actor({ roles: ['admin'] }), record)).toEqual({
      update: false,
      delete: false,
      readSecret: false,
    });
  });

  it('a record out of reach (compartment, clearance or caveat) allows nothing', () => {
    for (const who of [
      actor({ compartmentIds: new Set() }),
      actor({ clearance: 'OFFICIAL' }),
      actor({ caveats: [] }),
    ])
      expect(Object.values(fixtureAbilitiesOf(who, record))).toEqual([false, false, false]);
  });
});

describe('creating a record', () => {
  it('is allowed in a compartment one is read into, at or below one’s markings', () => {
    expect(refusal(() => authorizeCreate(actor(), record))).toBeUndefined();
    expect(
      refusal(() => authorizeCreate(actor(), { ...record, classification: 'OFFICIAL', caveats: [] })),
    ).toBe(undefined);
  });

  it('answers a compartment one is not read into as not found, whatever the marking', () => {
    const outside = { ...record, compartmentId: 'B', classification: 'TOP SECRET' as const };
    expect(refusal(() => authorizeCreate(actor(), outside))).toEqual({ code: 'NOT_FOUND' });
  });

  it('refuses a marking above one’s clearance or a caveat one lacks, naming the field', () => {
    expect(refusal(() => authorizeCreate(actor({ clearance: 'OFFICIAL' }), record))).toEqual({
      code: 'VALIDATION_FAILED',
      fields: ['classification'],
    });
    expect(refusal(() => authorizeCreate(actor({ caveats: [] }), record))).toEqual({
      code: 'VALIDATION_FAILED',
      fields: ['caveats'],
    });
    expect(MARK_WITHIN_CLEARANCE_RULE).toContain('need-to-know');
  });

  it('refuses the read-only inspector with 403', () => {
    expect(refusal(() => authorizeCreate(actor({ roles: ['inspector'] }), record))).toEqual({
      code: 'FORBIDDEN',
    });
  });
});
