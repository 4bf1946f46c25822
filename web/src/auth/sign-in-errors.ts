import type { RefObject } from 'react';
import { isApiError, NETWORK_ERROR } from '../api/client';

/** What the form asks for: username and password, then a TOTP code or a recovery code. */
export type SignInStep = 'credentials' | 'code' | 'recovery';

/** What the sign-in form does with a refusal: ask for a code, or show a message. Pure. */
export type SignInOutcome = { kind: 'ask-for-code' } | { kind: 'message'; message: string };

export const signInMessages = {
  wrongCredentials: 'Wrong username or password.',
  wrongCode: 'That code was not accepted. Enter the current code from your authenticator app.',
  wrongRecoveryCode: 'That recovery code was not accepted. Each recovery code works only once.',
  rateLimited: 'Too many sign-in attempts. Wait up to 15 minutes, then try again.',
  unreachable: 'Lantern could not reach the server. Check your connection and try again.',
} as const;

const wrongMessage: Record<SignInStep, string> = {
  credentials: signInMessages.wrongCredentials,
  code: signInMessages.wrongCode,
  recovery: signInMessages.wrongRecoveryCode,
};

export function signInOutcome(error: unknown, step: SignInStep): SignInOutcome {
  if (!isApiError(error)) return { kind: 'message', message: signInMessages.unreachable };
  switch (error.code) {
    case 'MFA_REQUIRED':
      // Asked for a code while already giving one: the code was wrong or has expired.
      return step === 'credentials'
        ? { kind: 'ask-for-code' }
        : { kind: 'message', message: wrongMessage[step] };
    case 'INVALID_CREDENTIALS':
      return { kind: 'message', message: wrongMessage[step] };
    case 'RATE_LIMITED':
      return { kind: 'message', message: signInMessages.rateLimited };
    case NETWORK_ERROR:
      return { kind: 'message', message: signInMessages.unreachable };
    default:
      return { kind: 'message', message: `Sign-in failed: ${error.message}` };
  }
}

/** A TOTP code as people type it ("123 456") reduced to its digits. */
export function normaliseCode(input: string): string {
  return input.replace(/\D/g, '');
}

/** The message for a code that is not six digits, wherever a code is asked for. */
export const sixDigitCodeHint = 'Enter the 6-digit code your app shows.';

/** The six digits of a TOTP code as typed ("123 456" too), or undefined when it is not one. */
export function sixDigitCode(input: string): string | undefined {
  const digits = normaliseCode(input);
  return digits.length === 6 ? digits : undefined;
}

/**
 * The six digits of a code field as typed, or undefined after showing the hint and focusing the
 * field; a good code clears the error.
 */
export function sixDigitCodeOrHint(
  code: string,
  showError: (message: string | undefined) => void,
  field: RefObject<HTMLInputElement | null>,
): string | undefined {
  const digits = sixDigitCode(code);
  showError(digits ? undefined : sixDigitCodeHint);
  if (!digits) field.current?.focus();
  return digits;
}

/** A recovery code as people type it: upper case, no spaces (the server forgives the rest). */
export function normaliseRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/\s+/g, '');
}
