/**
 * Errors of the crypto platform. They carry a stable `code` so the HTTP/CLI error mapper can
 * translate them, and their messages never contain plaintext or key bytes.
 */
export type CryptoErrorCode = 'DECRYPTION_FAILED' | 'KEY_FILE_INSECURE' | 'KEY_INVALID' | 'KEY_UNSUPPORTED';

export class CryptoError extends Error {
  constructor(
    readonly code: CryptoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CryptoError';
  }
}

/** Why a decryption failed; deliberately coarse so the error is no oracle for the attacker. */
export type DecryptionFailure =
  | 'malformed-envelope'
  | 'unsupported-format'
  | 'no-data-key'
  | 'data-key-version-mismatch'
  | 'data-key-unwrap-failed'
  | 'authentication-failed';

export class DecryptionError extends CryptoError {
  constructor(
    readonly reason: DecryptionFailure,
    message: string,
  ) {
    super('DECRYPTION_FAILED', message);
    this.name = 'DecryptionError';
  }
}
