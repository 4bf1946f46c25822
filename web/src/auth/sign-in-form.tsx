import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type SignInInput, signIn } from '../api/auth.api';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { TextField } from '../ui/text-field';
import { safeRedirectPath, sessionQuery } from './session';
import {
  normaliseCode,
  normaliseRecoveryCode,
  type SignInStep,
  signInOutcome,
  sixDigitCode,
  sixDigitCodeHint,
} from './sign-in-errors';

const signInRouteApi = getRouteApi('/sign-in');

interface FieldErrors {
  username?: string;
  password?: string;
  code?: string;
  recoveryCode?: string;
}

export function SignInForm() {
  const { redirect } = signInRouteApi.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<SignInStep>('credentials');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const recoveryRef = useRef<HTMLInputElement>(null);

  const mutation = useMutation({ mutationFn: (input: SignInInput) => signIn(input) });

  useEffect(() => {
    ({ credentials: usernameRef, code: codeRef, recovery: recoveryRef })[step].current?.focus();
  }, [step]);

  function validate(): FieldErrors {
    if (step === 'code') {
      return sixDigitCode(code) ? {} : { code: sixDigitCodeHint };
    }
    if (step === 'recovery') {
      return normaliseRecoveryCode(recoveryCode).replace(/-/g, '').length >= 12
        ? {}
        : { recoveryCode: 'Enter one of your recovery codes, e.g. K7QM-3XPA-RT9H.' };
    }
    const errors: FieldErrors = {};
    if (username.trim() === '') errors.username = 'Enter your username.';
    if (password === '') errors.password = 'Enter your password.';
    return errors;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const errors = validate();
    setFieldErrors(errors);
    setMessage(null);
    if (errors.username) return usernameRef.current?.focus();
    if (errors.password) return passwordRef.current?.focus();
    if (errors.code) return codeRef.current?.focus();
    if (errors.recoveryCode) return recoveryRef.current?.focus();

    const input: SignInInput = { username: username.trim(), password };
    if (step === 'code') input.totp = normaliseCode(code);
    if (step === 'recovery') input.recoveryCode = normaliseRecoveryCode(recoveryCode);
    mutation.mutate(input, {
      onSuccess: async () => {
        setPassword('');
        // Ask who is signed in now (with their two-step status): a session that must still enrol
        // is sent to the security page by the app route.
        await queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 });
        await navigate({ href: safeRedirectPath(redirect), replace: true });
      },
      onError: (error) => {
        const outcome = signInOutcome(error, step);
        if (outcome.kind === 'ask-for-code') {
          setStep('code');
          return;
        }
        setMessage(outcome.message);
        if (step === 'code') {
          setCode('');
          codeRef.current?.focus();
        } else if (step === 'recovery') {
          setRecoveryCode('');
          recoveryRef.current?.focus();
        } else {
          setPassword('');
          passwordRef.current?.focus();
        }
      },
    });
  }

  function startOver() {
    setStep('credentials');
    setPassword('');
    setCode('');
    setRecoveryCode('');
    setMessage(null);
    setFieldErrors({});
  }

  function switchSecondFactor(next: 'code' | 'recovery') {
    setStep(next);
    setCode('');
    setRecoveryCode('');
    setMessage(null);
    setFieldErrors({});
  }

  return (
    <form className="sign-in-form" onSubmit={onSubmit} noValidate aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading" className="sign-in-form__heading">
        {step === 'credentials' ? 'Sign in' : 'Two-step verification'}
      </h1>
      {message ? (
        <Alert tone="danger" role="alert">
          {message}
        </Alert>
      ) : null}
      {step === 'credentials' ? (
        <>
          <TextField
            ref={usernameRef}
            label="Username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            error={fieldErrors.username}
            onChange={(event) => setUsername(event.target.value)}
          />
          <TextField
            ref={passwordRef}
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            error={fieldErrors.password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </>
      ) : step === 'recovery' ? (
        <>
          <p className="sign-in-form__lead">
            Enter one of the recovery codes you stored when you set up two-step verification. Each code works
            only once.
          </p>
          <TextField
            ref={recoveryRef}
            label="Recovery code"
            name="recoveryCode"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={32}
            className="sign-in-form__code"
            value={recoveryCode}
            error={fieldErrors.recoveryCode}
            onChange={(event) => setRecoveryCode(event.target.value)}
          />
        </>
      ) : (
        <>
          <p className="sign-in-form__lead">
            Your account is protected by two-step verification. Open the authenticator app on your phone and
            enter the 6-digit code it shows for Lantern.
          </p>
          <TextField
            ref={codeRef}
            label="Authentication code"
            name="totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            className="sign-in-form__code"
            value={code}
            error={fieldErrors.code}
            onChange={(event) => setCode(event.target.value)}
          />
        </>
      )}
      <Button type="submit" block busy={mutation.isPending}>
        {step === 'credentials' ? 'Sign in' : 'Verify and sign in'}
      </Button>
      {step === 'code' ? (
        <Button variant="ghost" size="sm" onClick={() => switchSecondFactor('recovery')}>
          Use a recovery code instead
        </Button>
      ) : null}
      {step === 'recovery' ? (
        <Button variant="ghost" size="sm" onClick={() => switchSecondFactor('code')}>
          Use a code from the authenticator app
        </Button>
      ) : null}
      {step !== 'credentials' ? (
        <Button variant="ghost" size="sm" onClick={startOver}>
          Sign in as someone else
        </Button>
      ) : null}
    </form>
  );
}
