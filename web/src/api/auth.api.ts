import {
  type MeResponse,
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

/**
 * The signed-in user, the state of their two-step verification, and what they may do: the
 * permissions their roles hold and the modules this installation runs (the web shows and hides by
 * these, never by role names; roles are only displayed).
 */
export type SessionUser = UserView & Omit<MeResponse, 'user'>;
export type SignInInput = SignInRequest;
export type { MfaStatus };

export async function fetchCurrentUser(signal?: AbortSignal): Promise<SessionUser> {
  const { user, ...rest } = await api.get('/api/auth/me', meResponse, signal);
  return { ...user, ...rest };
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
