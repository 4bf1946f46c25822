import { randomInt } from 'node:crypto';
import { hashPassword, verifyPassword } from '../passwords';

export const recoveryCodeCount = 10;
// No 0/O, 1/I/L: codes are copied by hand from paper.
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const groups = 3;
const groupLength = 4;

/** Ten codes like `K7QM-3XPA-RT9H` (12 characters from 31: about 59 bits each). */
export function generateRecoveryCodes(count = recoveryCodeCount): string[] {
  return Array.from({ length: count }, () =>
    Array.from({ length: groups }, () =>
      Array.from({ length: groupLength }, () => alphabet[randomInt(alphabet.length)]).join(''),
    ).join('-'),
  );
}

/** A code as people type it (lower case, spaces, no dashes) reduced to its canonical form. */
export function normaliseRecoveryCode(input: string): string {
  const chars = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const parts: string[] = [];
  for (let i = 0; i < chars.length; i += groupLength) parts.push(chars.slice(i, i + groupLength));
  return parts.join('-');
}

/** argon2id, like passwords: a stolen table of hashes does not give the codes back. */
export function hashRecoveryCode(code: string): Promise<string> {
  return hashPassword(normaliseRecoveryCode(code));
}

export function verifyRecoveryCode(hash: string, input: string): Promise<boolean> {
  return verifyPassword(hash, normaliseRecoveryCode(input));
}
