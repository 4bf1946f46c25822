import type { SessionUser } from '../api/auth.api';

/** Where a user sets up two-step verification (Account → Security). */
export const securityPagePath = '/account/security';

/**
 * Whether this session may do nothing but enrol two-step verification (LANTERN_ENV=production and
 * none set up yet): the app then shows only the security page, without the rest of the navigation.
 */
export function mustEnrolMfa(user: SessionUser | null | undefined): boolean {
  return Boolean(user?.mfa.enrolmentRequired);
}

/** The path to send the user to instead of `pathname`, or undefined to let them through. Pure. */
export function enrolmentRedirect(
  user: SessionUser | null | undefined,
  pathname: string,
): string | undefined {
  return mustEnrolMfa(user) && pathname !== securityPagePath ? securityPagePath : undefined;
}
