import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { TotpConfirmResponse } from '#shared/contracts/auth';
import { confirmTotp, enrolTotp, type SessionUser } from '../../api/auth.api';
import { isApiError } from '../../api/client';
import { sessionQueryKey } from '../../auth/session';
import { sixDigitCodeOrHint } from '../../auth/sign-in-errors';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/text-field';
import { groupSecret, mfaDetailsQuery } from './account.queries';

/**
 * Setting up TOTP: a new secret as a QR code (and as text for typing), then a code from the app to
 * prove it has the secret. Confirming hands the recovery codes to `onConfirmed`, once.
 */
export function TotpEnrolment({ onConfirmed }: { onConfirmed: (codes: string[]) => void }) {
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();
  const codeRef = useRef<HTMLInputElement>(null);
  const enrol = useMutation({ mutationFn: enrolTotp });
  const confirm = useMutation({ mutationFn: confirmTotp });
  const pending = enrol.data;

  useEffect(() => {
    if (pending) codeRef.current?.focus();
  }, [pending]);

  function onConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirm.isPending) return;
    const digits = sixDigitCodeOrHint(code, setCodeError, codeRef);
    if (!digits) return;
    confirm.mutate(digits, {
      onSuccess: (result: TotpConfirmResponse) => {
        queryClient.setQueryData<SessionUser | null>(sessionQueryKey, (user) =>
          user ? { ...user, mfa: result.mfa } : user,
        );
        void queryClient.invalidateQueries({ queryKey: mfaDetailsQuery.queryKey });
        onConfirmed(result.recoveryCodes);
      },
      onError: (error) => {
        setCode('');
        setCodeError(
          isApiError(error, 'VALIDATION_FAILED')
            ? 'That code was not accepted. Enter the code your app shows now.'
            : `Could not confirm: ${isApiError(error) ? error.message : 'unexpected error'}`,
        );
        codeRef.current?.focus();
      },
    });
  }

  if (!pending) {
    return (
      <div className="account-mfa__start">
        {enrol.isError ? (
          <Alert tone="danger">
            Could not start the set-up: {isApiError(enrol.error) ? enrol.error.message : 'unexpected error'}
          </Alert>
        ) : null}
        <Button busy={enrol.isPending} onClick={() => enrol.mutate()}>
          Set up two-step verification
        </Button>
      </div>
    );
  }

  return (
    <form className="account-mfa__enrol" onSubmit={onConfirm} noValidate aria-labelledby="enrol-heading">
      <h3 id="enrol-heading" className="account-mfa__subheading">
        Set up your authenticator app
      </h3>
      <ol className="account-mfa__steps">
        <li>
          <p>
            Open an authenticator app on your phone (for example Microsoft Authenticator, Google Authenticator
            or FreeOTP) and scan this QR code.
          </p>
          <img
            className="account-mfa__qr"
            src={pending.qrCodeDataUrl}
            alt="QR code for Lantern two-step verification: scan it with your authenticator app"
            width={240}
            height={240}
          />
        </li>
        <li>
          <p>Cannot scan it? Choose “enter a set-up key” in the app and type this key (time-based):</p>
          <code className="account-mfa__secret">{groupSecret(pending.secret)}</code>
        </li>
        <li>
          <TextField
            ref={codeRef}
            label="6-digit code from the app"
            hint="The code changes every 30 seconds; enter the one shown now."
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            className="account-mfa__code"
            value={code}
            error={codeError}
            onChange={(event) => setCode(event.target.value)}
          />
        </li>
      </ol>
      <div className="account-mfa__actions">
        <Button type="submit" busy={confirm.isPending}>
          Confirm and turn on
        </Button>
        <Button variant="ghost" onClick={() => enrol.mutate()} busy={enrol.isPending}>
          Start again with a new key
        </Button>
      </div>
    </form>
  );
}
