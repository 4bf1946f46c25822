import { Link } from '@tanstack/react-router';
import type { SessionUser } from '../api/auth.api';
import { securityPagePath } from '../auth/mfa-gate';
import { sortedRoleLabels } from '../auth/roles';
import { useSignOut } from '../auth/use-sign-out';
import { Button } from '../ui/button';
import { format } from '../ui/format';
import { SignOutIcon } from '../ui/icons';
import { initials } from './initials';

export function TopBar({ user }: { user: SessionUser }) {
  const signOut = useSignOut();
  const roleText = sortedRoleLabels(user.roles).join(' · ');
  return (
    <header className="topbar">
      <p className="topbar__date">{format.longDate(new Date())}</p>
      <div className="topbar__user">
        <span className="topbar__avatar" aria-hidden="true">
          {initials(user.displayName)}
        </span>
        <div className="topbar__identity">
          <span className="topbar__name">{user.displayName}</span>
          <span className="topbar__roles" title={roleText}>
            <span className="visually-hidden">Roles: </span>
            {roleText || 'No roles'}
          </span>
        </div>
        <Link to={securityPagePath} className="button button--ghost button--sm">
          Account security
        </Link>
        <Button variant="secondary" size="sm" busy={signOut.isPending} onClick={() => signOut.mutate()}>
          {signOut.isPending ? null : <SignOutIcon width={16} height={16} />}
          Sign out
        </Button>
      </div>
      {signOut.isError ? (
        <p className="topbar__error" role="alert">
          Sign-out failed. Try again, or close the browser to end the session.
        </p>
      ) : null}
    </header>
  );
}
