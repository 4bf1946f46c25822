import { describe, expect, it } from 'vitest';
import { adminRules } from '#shared/contracts/admin';
import { AppError } from '../errors';
import { assertAdminRemains, assertNotSelf } from './admin.rules';

function ruleOf(fn: () => void): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.details?.rule;
    throw error;
  }
  return undefined;
}

describe('admin rules', () => {
  it('refuses a change an administrator makes to themselves, not to others or from the CLI', () => {
    expect(ruleOf(() => assertNotSelf('a', 'a', adminRules.twoPerson, 'no'))).toBe(adminRules.twoPerson);
    expect(ruleOf(() => assertNotSelf('a', 'b', adminRules.twoPerson, 'no'))).toBeUndefined();
    expect(ruleOf(() => assertNotSelf(null, 'b', adminRules.twoPerson, 'no'))).toBeUndefined();
  });

  it('keeps at least one active administrator', () => {
    expect(ruleOf(() => assertAdminRemains(['a'], 'a', false))).toBe(adminRules.lastAdmin);
    expect(ruleOf(() => assertAdminRemains(['a', 'b'], 'a', false))).toBeUndefined();
    expect(ruleOf(() => assertAdminRemains(['a'], 'a', true))).toBeUndefined();
    expect(ruleOf(() => assertAdminRemains(['a'], 'z', false))).toBeUndefined();
  });
});
