import { DecryptionError } from './errors.js';

/**
 * Binary layout of an encrypted field (stored as bytea):
 *
 *   [0]      format version (1)
 *   [1..4]   data-key version, uint32 big-endian
 *   [5..16]  96-bit random IV (the GCM nonce size that needs no extra hashing)
 *   [17..32] 128-bit GCM tag
 *   [33..]   ciphertext
 *
 * Self-describing so a later format (another cipher, a KMS key id) can be read beside this one.
 */
export const ENVELOPE_FORMAT_V1 = 1;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;
const HEADER_BYTES = 1 + 4 + IV_BYTES + TAG_BYTES;

export interface Envelope {
  readonly format: number;
  readonly dataKeyVersion: number;
  readonly iv: Buffer;
  readonly tag: Buffer;
  readonly ciphertext: Buffer;
}

export function encodeEnvelope(env: Envelope): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt8(env.format, 0);
  header.writeUInt32BE(env.dataKeyVersion, 1);
  return Buffer.concat([header, env.iv, env.tag, env.ciphertext]);
}

export function decodeEnvelope(bytes: Uint8Array): Envelope {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < HEADER_BYTES) {
    throw new DecryptionError('malformed-envelope', 'encrypted field is too short to be an envelope');
  }
  const format = buf.readUInt8(0);
  if (format !== ENVELOPE_FORMAT_V1) {
    throw new DecryptionError('unsupported-format', `encrypted field has unknown format version ${format}`);
  }
  return {
    format,
    dataKeyVersion: buf.readUInt32BE(1),
    iv: buf.subarray(5, 5 + IV_BYTES),
    tag: buf.subarray(5 + IV_BYTES, HEADER_BYTES),
    ciphertext: buf.subarray(HEADER_BYTES),
  };
}
