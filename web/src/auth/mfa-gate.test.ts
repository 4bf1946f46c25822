import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../api/auth.api';
import { enrolmentRedirect, securityPagePath } from './mfa-gate';

const user = (enrolmentRequired: boolean): SessionUser => ({
  id: 'u1',
  username: 'sam',
  displayName: 'Sam',
  roles: [],
  mfa: { enabled: false, enrolmentRequired },
  permissions: ['self'],
  clearance: 'OFFICIAL',
  caveats: [],
  modules: ['account'],
});

describe('enrolmentRedirect', () => {
  it('sends a session that must enrol to the security page, from anywhere else', () => {
    expect(enrolmentRedirect(user(true), '/sources')).toBe(securityPagePath);
    expect(enrolmentRedirect(user(true), '/')).toBe(securityPagePath);
    expect(enrolmentRedirect(user(true), securityPagePath)).toBeUndefined();
  });

  it('lets everyone else through', () => {
    expect(enrolmentRedirect(user(false), '/sources')).toBeUndefined();
    expect(enrolmentRedirect(null, '/sources')).toBeUndefined();
  });
});
