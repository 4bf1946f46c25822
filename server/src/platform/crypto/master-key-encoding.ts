import { CryptoError } from './errors.js';
import { MASTER_KEY_BYTES } from './key-provider.js';

// 32 bytes in canonical base64 are exactly 43 characters and one '='. Node's decoder silently
// skips invalid characters, so the shape is checked first: a typo must not yield a shorter key.
const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;

/**
 * Master keys are stored as one base64 line, in key files and in LANTERN_MASTER_KEY alike, so an
 * operator can move a key between the two without conversion. `source` names where it came from
 * in the error (never the value).
 */
export function decodeMasterKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  if (!BASE64_32_BYTES.test(trimmed)) {
    throw new CryptoError(
      'KEY_INVALID',
      `${source} must hold a base64-encoded ${MASTER_KEY_BYTES}-byte key (44 characters); ` +
        `generate one with: node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`,
    );
  }
  return Buffer.from(trimmed, 'base64');
}

export function encodeMasterKey(key: Buffer): string {
  return `${key.toString('base64')}\n`;
}
