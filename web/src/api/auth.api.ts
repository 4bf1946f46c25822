import {
  type MfaDetails,
  type MfaStatus,
  mfaDetails,
  meResponse,
  type SignInRequest,
  signInResponse,
  type TotpConfirmResponse,
  type TotpEnrolResponse,
  totpConfirmResponse,
  totpEnrolResponse,
  type UserView,
} from '#shared/contracts/auth';
import { api } from './client';

/** The signed-in user and the state of their two-step verification. */
export type SessionUser = UserView & { mfa: MfaStatus };
export type SignInInput = SignInRequest;

export async function fetchCurrentUser(signal?: AbortSignal): Promise<SessionUser> {
  const { user, mfa } = await api.get('/api/auth/me', meResponse, signal);
  return { ...user, mfa };
}

export async function signIn(input: SignInInput): Promise<UserView> {
  const { user } = await api.post('/api/auth/sign-in', input, signInResponse);
  return user;
}

export async function signOut(): Promise<void> {
  await api.post('/api/auth/sign-out');
}

export function fetchMfaDetails(signal?: AbortSignal): Promise<MfaDetails> {
  return api.get('/api/auth/mfa', mfaDetails, signal);
}

export function enrolTotp(): Promise<TotpEnrolResponse> {
  return api.post('/api/auth/mfa/totp/enrol', undefined, totpEnrolResponse);
}

export function confirmTotp(code: string): Promise<TotpConfirmResponse> {
  return api.post('/api/auth/mfa/totp/confirm', { code }, totpConfirmResponse);
}

export async function disableTotp(code: string): Promise<void> {
  await api.post('/api/auth/mfa/totp/disable', { code });
}
