import { authenticator } from 'otplib';
import type { Clock } from '../../clock';

/** RFC 6238 as authenticator apps implement it: SHA-1, 6 digits, 30-second steps. */
export const totpStepSeconds = 30;
/** Codes from one step either side of now are accepted, for clocks that drift a little. */
export const totpWindow = 1;
const issuer = 'Lantern';

function authenticatorAt(clock: Clock) {
  return authenticator.clone({ epoch: clock.now().getTime(), step: totpStepSeconds, window: totpWindow });
}

/** A fresh random secret (160 bits, base32, as RFC 4226 recommends). */
export function generateTotpSecret(): string {
  return authenticator.generateSecret(20);
}

/** The `otpauth://` URI an authenticator app reads from the QR code. */
export function totpUri(username: string, secret: string): string {
  return authenticator.keyuri(username, issuer, secret);
}

/** The 30-second step a moment falls in: what `lastUsedStep` stores. */
export function totpStepAt(at: Date): number {
  return Math.floor(at.getTime() / 1000 / totpStepSeconds);
}

/**
 * The step of the code if it is valid now (within ±1 step), else null. The caller must still
 * refuse a step at or below the last accepted one: that is what stops a replay.
 */
export function matchTotpStep(secret: string, code: string, clock: Clock): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = authenticatorAt(clock).checkDelta(code, secret);
  return delta === null ? null : totpStepAt(clock.now()) + delta;
}
