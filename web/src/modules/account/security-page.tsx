import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { isApiError } from '../../api/client';
import { sessionQuery } from '../../auth/session';
import { Alert } from '../../ui/alert';
import { Card } from '../../ui/card';
import { PageHeader } from '../../ui/page-header';
import { mfaDetailsQuery } from './account.queries';
import { DisableTotpForm } from './disable-totp-form';
import { RecoveryCodesPanel } from './recovery-codes-panel';
import { tokensPagePath } from './tokens-page';
import { TotpEnrolment } from './totp-enrolment';
import './account.css';

/** Account → Security: the state of two-step verification, set-up, recovery codes, turning it off. */
export function SecurityPage() {
  const { data: user } = useQuery(sessionQuery);
  const details = useQuery(mfaDetailsQuery);
  // Held here, not in the set-up form: the codes stay on screen after the status flips to "on".
  const [freshCodes, setFreshCodes] = useState<string[] | null>(null);
  const mustEnrol = Boolean(user?.mfa.enrolmentRequired);

  return (
    <div className="account">
      <PageHeader
        eyebrow="Account"
        title="Security"
        description="How you prove it is you when you sign in to Lantern."
      />
      {mustEnrol && !freshCodes ? (
        <Alert tone="warning" title="Set up two-step verification to continue">
          This Lantern requires two-step verification for every account. Until you set it up, the rest of
          Lantern is closed to this session.
        </Alert>
      ) : null}
      <Card className="account-mfa" aria-labelledby="mfa-heading">
        <h2 id="mfa-heading" className="account-mfa__heading">
          Two-step verification
        </h2>
        {freshCodes ? (
          <RecoveryCodesPanel codes={freshCodes} onDone={() => setFreshCodes(null)} />
        ) : details.isPending ? (
          <p className="account-mfa__status">Loading…</p>
        ) : details.isError ? (
          <Alert tone="danger">
            Could not load the status:{' '}
            {isApiError(details.error) ? details.error.message : 'unexpected error'}
          </Alert>
        ) : details.data.enabled ? (
          <>
            <p className="account-mfa__status">
              <span className="account-mfa__badge account-mfa__badge--on">On</span>
              Signing in needs your password and a code from your authenticator app.{' '}
              {details.data.recoveryCodesRemaining === 1
                ? '1 recovery code left.'
                : `${details.data.recoveryCodesRemaining} recovery codes left.`}
            </p>
            {details.data.canDisable ? (
              <DisableTotpForm />
            ) : (
              <p className="account-mfa__note">
                This Lantern requires two-step verification; it cannot be turned off.
              </p>
            )}
          </>
        ) : (
          <>
            <p className="account-mfa__status">
              <span className="account-mfa__badge account-mfa__badge--off">Off</span>
              Signing in needs only your password. Add a code from an authenticator app on your phone, so a
              stolen password is not enough.
            </p>
            <TotpEnrolment onConfirmed={setFreshCodes} />
          </>
        )}
      </Card>
      {mustEnrol ? null : (
        <p className="account-mfa__note">
          <Link to={tokensPagePath}>Access tokens</Link>: for the lantern command line and your scripts.
        </p>
      )}
    </div>
  );
}
