import { meResponse, type SignInRequest, type UserView } from '#shared/contracts/auth';
import { api } from './client';

export type SessionUser = UserView;
export type SignInInput = SignInRequest;
const userEnvelope = meResponse;

export async function fetchCurrentUser(signal?: AbortSignal): Promise<SessionUser> {
  const { user } = await api.get('/api/auth/me', userEnvelope, signal);
  return user;
}

export async function signIn(input: SignInInput): Promise<SessionUser> {
  const { user } = await api.post('/api/auth/sign-in', input, userEnvelope);
  return user;
}

export async function signOut(): Promise<void> {
  await api.post('/api/auth/sign-out');
}
