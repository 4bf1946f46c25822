import type { FastifyInstance } from 'fastify';
import { authenticator } from 'otplib';
import { expect } from 'vitest';
import { TestClient, testPassword } from '../../../../../test/app';
import type { Clock } from '../../clock';

/** The code an authenticator app would show at the app's (fixed) clock; `offsetSteps` moves it. */
export function codeAt(secret: string, clock: Clock, offsetSteps = 0): string {
  return authenticator.clone({ epoch: clock.now().getTime() + offsetSteps * 30_000 }).generate(secret);
}

/** Signs in with whatever second factor is given; fetches the CSRF cookie first like the browser. */
export async function signInWith(
  client: TestClient,
  body: { username: string; password?: string; totp?: string; recoveryCode?: string },
) {
  if (!client.cookie('lantern_csrf')) await client.request('GET', '/api/health');
  return client.request('POST', '/api/auth/sign-in', { password: testPassword, ...body });
}

/** Signs in (no TOTP yet), enrols and confirms; returns the secret and the recovery codes. */
export async function enrolAndConfirm(
  app: FastifyInstance,
  clock: Clock,
  username: string,
): Promise<{ client: TestClient; secret: string; recoveryCodes: string[] }> {
  const client = new TestClient(app);
  expect((await client.signIn(username)).statusCode).toBe(200);
  const enrol = await client.request('POST', '/api/auth/mfa/totp/enrol');
  expect(enrol.statusCode).toBe(200);
  const { secret } = enrol.json() as { secret: string };
  const confirm = await client.request('POST', '/api/auth/mfa/totp/confirm', { code: codeAt(secret, clock) });
  expect(confirm.statusCode).toBe(200);
  return { client, secret, recoveryCodes: (confirm.json() as { recoveryCodes: string[] }).recoveryCodes };
}
