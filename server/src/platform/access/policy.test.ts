import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { AppError } from '../errors';
import {
  assertMayMark,
  authorize,
  canSee,
  decide,
  holdsCaveats,
  holdsClearance,
  isReadInto,
  MARK_WITHIN_CLEARANCE_RULE,
  mayChange,
} from './policy';

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

describe('need-to-know predicates', () => {
  it('clearance must reach the classification, OFFICIAL-SENSITIVE ranked between OFFICIAL and SECRET', () => {
    expect(holdsClearance({ clearance: 'SECRET' }, { classification: 'SECRET' })).toBe(true);
    expect(holdsClearance({ clearance: 'TOP SECRET' }, { classification: 'SECRET' })).toBe(true);
    expect(holdsClearance({ clearance: 'OFFICIAL-SENSITIVE' }, { classification: 'SECRET' })).toBe(false);
    expect(holdsClearance({ clearance: 'OFFICIAL' }, { classification: 'OFFICIAL-SENSITIVE' })).toBe(false);
  });

  it('every caveat on the record must be held', () => {
    expect(holdsCaveats({ caveats: ['UK EYES ONLY', 'X'] }, { caveats: ['UK EYES ONLY'] })).toBe(true);
    expect(holdsCaveats({ caveats: [] }, { caveats: [] })).toBe(true);
    expect(holdsCaveats({ caveats: ['X'] }, { caveats: ['UK EYES ONLY', 'X'] })).toBe(false);
  });

  it('the actor must be read into the record’s compartment', () => {
    expect(isReadInto({ compartmentIds: new Set(['A']) }, { compartmentId: 'A' })).toBe(true);
    expect(isReadInto({ compartmentIds: new Set(['B']) }, { compartmentId: 'A' })).toBe(false);
  });

  it('sees a record only when all three hold', () => {
    expect(canSee(actor(), record)).toBe(true);
    expect(canSee(actor({ clearance: 'OFFICIAL' }), record)).toBe(false);
    expect(canSee(actor({ caveats: [] }), record)).toBe(false);
    expect(canSee(actor({ compartmentIds: new Set() }), record)).toBe(false);
  });

  it('the inspector is read-only, other roles (also inspector plus another) may change', () => {
    expect(mayChange({ roles: ['inspector'] })).toBe(false);
    expect(mayChange({ roles: ['handler'] })).toBe(true);
    expect(mayChange({ roles: ['inspector', 'analyst'] })).toBe(true);
  });
});

describe('authorize', () => {
  it('allows reads and changes within reach', () => {
    expect(decide(actor(), 'read', record)).toEqual({ allowed: true });
    expect(() => authorize(actor(), 'update', record)).not.toThrow();
  });

  it('reports an out-of-reach record as not found, whatever the action', () => {
    for (const action of ['read', 'read-sensitive', 'update', 'delete', 'export'] as const) {
      let thrown: unknown;
      try {
        authorize(actor({ compartmentIds: new Set(['B']) }), action, record, 'Source');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).code).toBe('NOT_FOUND');
      expect((thrown as AppError).message).toBe('Source not found.');
    }
  });

  it('forbids a visible record’s change to a read-only role, but lets it read', () => {
    const inspector = actor({ roles: ['inspector'] });
    expect(() => authorize(inspector, 'read', record)).not.toThrow();
    expect(() => authorize(inspector, 'delete', record)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
});

describe('marking a new record', () => {
  it('is refused above the creator: the field and the rule are named', () => {
    const creator = { clearance: 'OFFICIAL' as const, caveats: ['UK EYES ONLY'] };
    expect(() =>
      assertMayMark(creator, { classification: 'OFFICIAL', caveats: ['UK EYES ONLY'] }),
    ).not.toThrow();
    const refusal = (marking: Parameters<typeof assertMayMark>[1]) => {
      try {
        assertMayMark(creator, marking);
      } catch (error) {
        return error as AppError;
      }
      throw new Error('not refused');
    };
    const above = refusal({ classification: 'OFFICIAL-SENSITIVE', caveats: [] });
    expect(above.code).toBe('VALIDATION_FAILED');
    expect(above.details).toMatchObject({
      rule: MARK_WITHIN_CLEARANCE_RULE,
      fields: [{ path: 'classification' }],
    });
    const both = refusal({ classification: 'SECRET', caveats: ['UK EYES ONLY', 'NOFORN'] });
    expect(both.details?.fields?.map((f) => f.path)).toEqual(['classification', 'caveats']);
    expect(both.details?.fields?.[1]?.message).toContain('NOFORN');
  });
});
