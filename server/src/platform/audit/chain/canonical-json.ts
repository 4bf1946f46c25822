/** Values the canonical encoding accepts: no floats, no undefined, nothing whose JSON is ambiguous. */
export type CanonicalValue =
  | string
  | boolean
  | null
  | readonly CanonicalValue[]
  | { readonly [key: string]: CanonicalValue };

/**
 * Deterministic JSON: object keys sorted by UTF-16 code unit, no whitespace, strings escaped by
 * `JSON.stringify` (which is fully specified since ES2019, lone surrogates included). Numbers are
 * excluded on purpose: integers are passed as decimal strings so bigint sequence numbers and
 * float formatting can never make two encoders disagree.
 */
export function canonicalJson(value: CanonicalValue): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v: CanonicalValue) => canonicalJson(v)).join(',')}]`;
  const obj = value as { readonly [key: string]: CanonicalValue };
  const keys = Object.keys(obj).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k]!)}`).join(',')}}`;
}
