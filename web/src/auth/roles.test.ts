import { describe, expect, it } from 'vitest';
import { roleLabel, roles, sortedRoleLabels } from './roles';

describe('roleLabel', () => {
  it('gives every known role a human label', () => {
    for (const role of roles) expect(roleLabel(role)).not.toBe(role);
    expect(roleLabel('authorising-officer')).toBe('Authorising officer');
    expect(roleLabel('comms-spoc')).toBe('Comms-data SPoC');
    expect(roleLabel('designated-senior-officer')).toBe('Designated senior officer');
  });

  it('keeps an unknown role readable', () => {
    expect(roleLabel('case-reviewer')).toBe('Case reviewer');
  });
});

describe('sortedRoleLabels', () => {
  it('orders roles as MISSION.md lists them, unknown last, without duplicates', () => {
    expect(sortedRoleLabels(['admin', 'x-ray', 'handler', 'admin'])).toEqual([
      'Handler',
      'Administrator',
      'X ray',
    ]);
  });
});
