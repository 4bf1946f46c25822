/**
 * Unambiguous associated-data encoding.
 *
 * Why length prefixes: joining "a|bc" and "ab|c" with a separator lets an attacker pick a
 * table/record id that contains the separator and make two different contexts authenticate the
 * same bytes. Prefixing every part with its byte length makes the encoding injective.
 */
export type AadPart = string | number | Buffer;

const MAX_U32 = 0xffff_ffff;

/** Encodes one unsigned 32-bit integer big-endian (key versions, lengths). */
export function u32(value: number): Buffer {
  if (!Number.isInteger(value) || value < 0 || value > MAX_U32) {
    throw new RangeError(`expected an unsigned 32-bit integer, got ${value}`);
  }
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value, 0);
  return out;
}

function partBytes(part: AadPart): Buffer {
  if (typeof part === 'string') return Buffer.from(part, 'utf8');
  if (typeof part === 'number') return u32(part);
  return part;
}

/** Encodes parts as `len(p1) || p1 || len(p2) || p2 ...` with 32-bit big-endian lengths. */
export function encodeAad(parts: readonly AadPart[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const bytes = partBytes(part);
    chunks.push(u32(bytes.length), bytes);
  }
  return Buffer.concat(chunks);
}

/** Domain-separation labels, so an AAD built for one purpose can never be valid for another. */
export const AAD_LABEL = {
  masterWrap: 'lantern.master-wrap.v1',
  dataKey: 'lantern.data-key.v1',
  field: 'lantern.field.v1',
} as const;

/** AAD the data key is wrapped under: table and record (the provider adds its key version). */
export function dataKeyAad(table: string, recordId: string): Buffer {
  return encodeAad([AAD_LABEL.dataKey, table, recordId]);
}

/**
 * AAD of a field ciphertext. It names the data-key version, never the master-key version, which is
 * what lets a master-key rotation re-wrap data keys without touching any field ciphertext.
 */
export function fieldAad(
  formatVersion: number,
  table: string,
  column: string,
  recordId: string,
  dataKeyVersion: number,
): Buffer {
  return encodeAad([AAD_LABEL.field, formatVersion, table, column, recordId, dataKeyVersion]);
}
