import {
  CannotBuild,
  exampleOf,
  FREE_KEY,
  type JsonSchema,
} from '#server/platform/http/hostile-input.test-support';

// What the fuzzer sends: values generated from a route's schema (the JSON Schema the OpenAPI
// document derives from its zod schema), valid first, then mutated. Everything random comes from
// one seeded PRNG, so a seed and a route replay the same inputs.

/** A seeded PRNG (mulberry32): the same seed gives the same inputs. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

/** A stable seed for one route from the run's seed: each route replays on its own. */
export function routeSeed(seed: number, key: string): number {
  let h = seed >>> 0;
  for (const c of key) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

const typeOf = (s: JsonSchema) =>
  (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type) ??
  (s.properties ? 'object' : undefined);
const hex = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(16).toString(16)).join('');
const SAFE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.';
type Named = Record<string, unknown>;

function genString(s: JsonSchema, rng: Rng): string {
  // At the length limit now and then (a field's longest value must be taken whole).
  if (!s.format && !s.pattern && s.maxLength !== undefined && s.maxLength <= 4000 && rng.chance(0.1))
    return 'M'.repeat(s.maxLength);
  if (s.format === 'uuid')
    return `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-8${hex(rng, 3)}-${hex(rng, 12)}`;
  if (s.format === 'date-time') {
    const t = Date.UTC(2000, 0, 1) + rng.int(30 * 365) * 86_400_000 + rng.int(86_400) * 1000;
    return new Date(t).toISOString().replace('.000Z', 'Z');
  }
  if (s.format === 'date') return `20${10 + rng.int(15)}-0${1 + rng.int(9)}-1${rng.int(9)}`;
  if (s.format === 'email') return `user${rng.int(1000)}@example.org`;
  if (s.format || s.pattern) return exampleOf(s) as string;
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? min + 24, min + 24);
  const length = min + rng.int(Math.max(1, max - min + 1));
  let out = rng.chance(0.5) ? 'Fuzz ' : '';
  while (out.length < length) out += rng.pick([...SAFE]);
  out = out.slice(0, length);
  // Most text fields refuse leading or trailing spaces, or blank text.
  return out.trim().length === out.length && out.length >= min ? out : (exampleOf(s) as string);
}

/**
 * A value the schema allows, with optional properties present at random: named values (a dataset's
 * period, an officer's id) where the schema cannot say; the plain example when generation fails.
 */
export function validValue(schema: JsonSchema, rng: Rng, named: Named, key?: string, depth = 0): unknown {
  try {
    if (key !== undefined && key in named) return named[key];
    if (schema.const !== undefined) return schema.const;
    if (schema.enum) return rng.pick(schema.enum);
    const choices = schema.anyOf ?? schema.oneOf;
    if (choices) return validValue(rng.pick(choices), rng, named, key, depth);
    switch (typeOf(schema)) {
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(schema.properties ?? {}))
          if ((schema.required ?? []).includes(k) || (depth < 4 && rng.chance(0.5)))
            out[k] = validValue(v, rng, named, k, depth + 1);
        return out;
      }
      case 'array': {
        const min = schema.minItems ?? 0;
        const n = depth < 4 ? min + rng.int(3) : min;
        return Array.from({ length: n }, () =>
          validValue(schema.items ?? {}, rng, named, undefined, depth + 1),
        );
      }
      case 'string':
        return genString(schema, rng);
      case 'integer':
      case 'number': {
        const lo =
          schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
        const hi = (schema as { maximum?: number }).maximum ?? lo + 1000;
        // At the limits a quarter of the time, else between them.
        if (rng.chance(0.25)) return rng.chance(0.5) || hi === lo + 1000 ? lo : hi;
        const n = lo + rng.next() * Math.min(hi - lo, 1000);
        return typeOf(schema) === 'integer' ? Math.floor(n) : n;
      }
      case 'boolean':
        return rng.chance(0.5);
      default:
        return exampleOf(schema, named, key);
    }
  } catch (error) {
    if (!(error instanceof CannotBuild)) throw error;
    return exampleOf(schema, named, key);
  }
}

/** A place in a request a mutation goes: a key path in the body or the query. */
export type Path = (string | number)[];

function paths(value: unknown, at: Path = [], out: Path[] = [], depth = 0): Path[] {
  out.push(at);
  if (depth > 6 || value === null || typeof value !== 'object') return out;
  for (const [k, v] of Object.entries(value))
    paths(v, [...at, Array.isArray(value) ? Number(k) : k], out, depth + 1);
  return out;
}

function nested(depth: number, leaf: unknown, array: boolean): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = array ? [v] : { a: v };
  return v;
}

/** Hostile values, by what they try. */
export const hostileValues: { name: string; value: () => unknown }[] = [
  { name: 'number', value: () => 123 },
  { name: 'true', value: () => true },
  { name: 'null', value: () => null },
  { name: 'empty array', value: () => [] },
  { name: 'empty object', value: () => ({}) },
  { name: 'empty string', value: () => '' },
  { name: 'blank string', value: () => '   ' },
  { name: 'huge string', value: () => 'x'.repeat(100_000) },
  { name: 'huge array', value: () => Array.from({ length: 10_000 }, (_, i) => String(i)) },
  { name: 'nested 2,000 arrays', value: () => nested(2000, 1, true) },
  { name: 'nested 500 objects', value: () => nested(500, 'x', false) },
  { name: 'lone surrogate', value: () => 'a\ud800b' },
  { name: 'lone low surrogate', value: () => '\udc00' },
  { name: 'RTL override', value: () => 'abc\u202edef' },
  { name: 'NUL', value: () => 'a\u0000b' },
  { name: 'combining marks', value: () => `e${'\u0301'.repeat(500)}` },
  { name: 'BOM and zero-width', value: () => '\ufeff\u200b\u200d' },
  { name: 'astral', value: () => '\u{1f600}\u{10ffff}' },
  { name: 'SQL', value: () => "' OR 1=1; --" },
  { name: 'LIKE wildcards', value: () => '%_\\' },
  { name: 'path traversal', value: () => '../../etc/passwd' },
  { name: 'zero', value: () => 0 },
  { name: 'negative', value: () => -1 },
  { name: '2^31', value: () => 2 ** 31 },
  { name: 'max safe + 2', value: () => Number.MAX_SAFE_INTEGER + 2 },
  { name: '1e308', value: () => 1e308 },
  { name: '-1e308', value: () => -1e308 },
  { name: 'fraction', value: () => 1.5 },
  { name: 'NaN as text', value: () => 'NaN' },
  { name: 'Infinity as text', value: () => 'Infinity' },
  { name: '-0 as text', value: () => '-0' },
  { name: 'huge number as text', value: () => '1'.repeat(400) },
  { name: 'date year 0', value: () => '0000-01-01T00:00:00Z' },
  { name: 'date year 9999', value: () => '9999-12-31T23:59:59Z' },
  { name: 'date beyond JS', value: () => '+275760-09-14T00:00:00Z' },
  { name: 'date 30 Feb', value: () => '2024-02-30T00:00:00Z' },
  { name: 'date before epoch', value: () => '1969-12-31T23:59:59Z' },
  { name: 'date month 13', value: () => '2024-13-01' },
  { name: 'uuid nil', value: () => '00000000-0000-0000-0000-000000000000' },
  { name: 'uuid upper', value: () => 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF' },
];

const SPECIAL_KEYS = ['__proto__', 'constructor', 'prototype'];

/** One mutation of a request part: what it did (for the replay line) and the new value. */
export function mutate(
  value: unknown,
  rng: Rng,
  limits: { name: string; value: () => unknown }[] = [],
): { what: string; value: unknown } {
  const at = rng.pick(paths(value));
  const target = at.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
  const op = rng.int(10);
  let what: string;
  let replacement: unknown;
  if (op <= 5) {
    const h = limits.length > 0 && rng.chance(0.25) ? rng.pick(limits) : rng.pick(hostileValues);
    what = h.name;
    replacement = h.value();
  } else if (op === 6 && target && typeof target === 'object' && !Array.isArray(target)) {
    const key = rng.chance(0.6) ? rng.pick(SPECIAL_KEYS) : `extra${rng.int(100)}`;
    what = `key ${key}`;
    // JSON.parse makes an own property even of __proto__, as a hostile client's body would have.
    replacement = JSON.parse(
      JSON.stringify(target).replace(
        /^\{/,
        `{${JSON.stringify(key)}:{"polluted":true,"prototype":{"x":1}}${Object.keys(target).length ? ',' : ''}`,
      ),
    );
  } else if (
    op === 7 &&
    target &&
    typeof target === 'object' &&
    !Array.isArray(target) &&
    Object.keys(target).length
  ) {
    const key = rng.pick(Object.keys(target));
    what = `without ${key}`;
    replacement = Object.fromEntries(Object.entries(target).filter(([k]) => k !== key));
  } else if (op === 8) {
    what = 'array where a value goes';
    replacement = [target];
  } else {
    what = 'object where a value goes';
    replacement = { value: target, [FREE_KEY]: 'x' };
  }
  return { what: `${what} at ${at.length ? at.join('.') : '(root)'}`, value: setAt(value, at, replacement) };
}

function setAt(value: unknown, at: Path, replacement: unknown): unknown {
  if (at.length === 0) return replacement;
  const [head, ...rest] = at as [string | number, ...Path];
  const copy = Array.isArray(value) ? [...value] : JSON.parse(JSON.stringify(value));
  // defineProperty, so a key named __proto__ stays a key and never sets the prototype.
  Object.defineProperty(copy, head, {
    value: setAt((value as Record<string | number, unknown>)[head], rest, replacement),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

/** Values just past a schema's limits — a string one longer than allowed, a number one beyond — and at them. */
export function limitValues(schema: unknown): { name: string; value: () => unknown }[] {
  const out = new Map<string, () => unknown>();
  const walk = (s: unknown) => {
    if (!s || typeof s !== 'object') return;
    const j = s as JsonSchema & { maximum?: number };
    if (j.maxLength !== undefined && j.maxLength < 200_000) {
      const n = j.maxLength;
      out.set(`${n + 1} characters (max ${n})`, () => 'L'.repeat(n + 1));
      out.set(`${n} astral characters (max ${n})`, () => '\u{1f600}'.repeat(n));
    }
    if (j.minLength !== undefined && j.minLength > 0)
      out.set(`${j.minLength - 1} characters (min ${j.minLength})`, () => 'L'.repeat(j.minLength! - 1));
    if (j.maximum !== undefined) {
      out.set(`${j.maximum + 1} (max ${j.maximum})`, () => j.maximum! + 1);
      out.set(`${j.maximum + 0.5} (max ${j.maximum})`, () => j.maximum! + 0.5);
    }
    if (j.minimum !== undefined) out.set(`${j.minimum - 1} (min ${j.minimum})`, () => j.minimum! - 1);
    for (const v of Object.values(s)) if (v && typeof v === 'object') walk(v);
  };
  walk(schema);
  return [...out].map(([name, value]) => ({ name, value }));
}
