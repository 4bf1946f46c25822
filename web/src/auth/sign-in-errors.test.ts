import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import {
  normaliseCode,
  normaliseRecoveryCode,
  signInMessages,
  signInOutcome,
  sixDigitCode,
  sixDigitCodeHint,
  sixDigitCodeOrHint,
} from './sign-in-errors';

const refusal = (status: number, code: string) => new ApiError(status, code, 'server says no');

describe('signInOutcome', () => {
  it('asks for a code when the password was right and MFA is on', () => {
    expect(signInOutcome(refusal(401, 'MFA_REQUIRED'), 'credentials')).toEqual({ kind: 'ask-for-code' });
  });

  it('says which part was wrong', () => {
    expect(signInOutcome(refusal(401, 'INVALID_CREDENTIALS'), 'credentials')).toEqual({
      kind: 'message',
      message: signInMessages.wrongCredentials,
    });
    expect(signInOutcome(refusal(401, 'MFA_REQUIRED'), 'code')).toEqual({
      kind: 'message',
      message: signInMessages.wrongCode,
    });
  });

  it('names a refused recovery code as such', () => {
    expect(signInOutcome(refusal(401, 'INVALID_CREDENTIALS'), 'recovery')).toEqual({
      kind: 'message',
      message: signInMessages.wrongRecoveryCode,
    });
  });

  it('explains rate limiting and unreachable servers', () => {
    expect(signInOutcome(refusal(429, 'RATE_LIMITED'), 'credentials')).toMatchObject({
      message: signInMessages.rateLimited,
    });
    expect(signInOutcome(refusal(0, 'NETWORK_ERROR'), 'credentials')).toMatchObject({
      message: signInMessages.unreachable,
    });
  });
});

describe('normaliseCode', () => {
  it('keeps only digits', () => {
    expect(normaliseCode(' 123 456 ')).toBe('123456');
  });
});

describe('normaliseRecoveryCode', () => {
  it('upper-cases and drops spaces', () => {
    expect(normaliseRecoveryCode(' k7qm 3xpa-rt9h ')).toBe('K7QM3XPA-RT9H');
  });
});

describe('sixDigitCode', () => {
  it('accepts six digits however they are spaced, and nothing else', () => {
    expect(sixDigitCode('123 456')).toBe('123456');
    expect(sixDigitCode(' 123-456 ')).toBe('123456');
    expect(sixDigitCode('12345')).toBeUndefined();
    expect(sixDigitCode('1234567')).toBeUndefined();
    expect(sixDigitCode('abcdef')).toBeUndefined();
  });
});

describe('sixDigitCodeOrHint', () => {
  it('shows the hint and focuses the field for a bad code, and clears the error for a good one', () => {
    const shown: (string | undefined)[] = [];
    let focused = 0;
    const field = { current: { focus: () => focused++ } as unknown as HTMLInputElement };
    expect(sixDigitCodeOrHint('12 34', (m) => shown.push(m), field)).toBeUndefined();
    expect([shown, focused]).toEqual([[sixDigitCodeHint], 1]);
    expect(sixDigitCodeOrHint('123 456', (m) => shown.push(m), field)).toBe('123456');
    expect([shown, focused]).toEqual([[sixDigitCodeHint, undefined], 1]);
  });
});
