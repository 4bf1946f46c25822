import { describe, expect, it } from 'vitest';
import { holds, runs } from './abilities';

describe('holds and runs', () => {
  const user = { permissions: ['self', 'audit:read'] as const, modules: ['account', 'audit'] };

  it('reads the permissions and modules /api/auth/me answered', () => {
    expect(holds({ ...user, permissions: [...user.permissions] }, 'audit:read')).toBe(true);
    expect(holds({ ...user, permissions: [...user.permissions] }, 'users:manage')).toBe(false);
    expect(runs({ ...user, permissions: [] }, 'audit')).toBe(true);
    expect(runs({ ...user, permissions: [] }, 'fixture')).toBe(false);
  });

  it('holds nothing without a session', () => {
    expect(holds(null, 'self')).toBe(false);
    expect(runs(undefined, 'account')).toBe(false);
  });
});
