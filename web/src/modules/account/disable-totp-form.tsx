import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { disableTotp } from '../../api/auth.api';
import { isApiError } from '../../api/client';
import { sessionQueryKey } from '../../auth/session';
import { sixDigitCodeOrHint } from '../../auth/sign-in-errors';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/text-field';
import { mfaDetailsQuery } from './account.queries';

/** Turning TOTP off needs a current code, so a borrowed unlocked screen is not enough. */
export function DisableTotpForm() {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const codeRef = useRef<HTMLInputElement>(null);
  const disable = useMutation({ mutationFn: disableTotp });

  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Turn off two-step verification
      </Button>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (disable.isPending) return;
    const digits = sixDigitCodeOrHint(code, setError, codeRef);
    if (!digits) return;
    disable.mutate(digits, {
      onSuccess: async () => {
        setOpen(false);
        setCode('');
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
          queryClient.invalidateQueries({ queryKey: mfaDetailsQuery.queryKey }),
        ]);
      },
      onError: (err) => {
        setCode('');
        setError(
          isApiError(err, 'VALIDATION_FAILED')
            ? 'That code was not accepted. Enter the code your app shows now.'
            : `Could not turn it off: ${isApiError(err) ? err.message : 'unexpected error'}`,
        );
        codeRef.current?.focus();
      },
    });
  }

  return (
    <form
      className="account-mfa__disable"
      onSubmit={onSubmit}
      noValidate
      aria-label="Turn off two-step verification"
    >
      <p>
        Without two-step verification, anyone who learns your password can sign in as you. To turn it off,
        enter a current code from your authenticator app.
      </p>
      <TextField
        ref={codeRef}
        label="6-digit code from the app"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        className="account-mfa__code"
        value={code}
        error={error}
        autoFocus
        onChange={(event) => setCode(event.target.value)}
      />
      <div className="account-mfa__actions">
        <Button type="submit" variant="secondary" busy={disable.isPending}>
          Turn off
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Keep it on
        </Button>
      </div>
    </form>
  );
}
