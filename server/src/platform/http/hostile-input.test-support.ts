import fc from 'fast-check';

/** The part of JSON Schema (as the OpenAPI document has it) the request builder understands. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  default?: unknown;
  $ref?: string;
}

export type Segment = string | number;

/** A string a request carries: `['body', 'entries', 0, 'subjectRef']`, `['querystring', 'number']`. */
export interface StringSlot {
  path: Segment[];
  schema: JsonSchema;
}

/** A schema the builder cannot make a value for: the route is reported, never skipped. */
export class CannotBuild extends Error {}

/** The key under which a probe puts a string into an object that takes any keys. */
export const FREE_KEY = 'probe';

const KNOWN_KEYS = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  'anyOf',
  'oneOf',
  'enum',
  'const',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'default',
  'description',
  '$schema',
]);

function checked(schema: JsonSchema): JsonSchema {
  if (schema.$ref) throw new CannotBuild(`a $ref (${schema.$ref})`);
  const unknown = Object.keys(schema).filter((k) => !KNOWN_KEYS.has(k));
  if (unknown.length > 0) throw new CannotBuild(`schema keywords ${unknown.join(', ')}`);
  return schema;
}

const typeOf = (schema: JsonSchema) => (Array.isArray(schema.type) ? schema.type[0] : schema.type);
const options = (schema: JsonSchema) => schema.anyOf ?? schema.oneOf;
const isFree = (schema: JsonSchema) => Object.keys(schema).length === 0;

/** Plausible values first (a party of the test network, a caveat, a TOTP code), then generated. */
const CANDIDATES = ['1', '11', 'ab', 'AB', '123456', 'K7QM-3XPA-RT9H', '1111111111'];

function exampleString(schema: JsonSchema): string {
  if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (schema.format === 'date-time') return '2003-11-01T00:00:00Z';
  if (schema.format) throw new CannotBuild(`string format ${schema.format}`);
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Number.POSITIVE_INFINITY;
  const pattern = schema.pattern ? new RegExp(schema.pattern) : undefined;
  const fits = (s: string) => s.length >= min && s.length <= max && (!pattern || pattern.test(s));
  const found = [...CANDIDATES, '1'.repeat(Math.max(min, 1))].find(fits);
  if (found !== undefined) return found;
  if (pattern) {
    const generated = fc.sample(fc.stringMatching(pattern), { numRuns: 200, seed: 1 }).find(fits);
    if (generated !== undefined) return generated;
  }
  throw new CannotBuild(`no string fits ${JSON.stringify(schema)}`);
}

/**
 * A valid value for the schema: required properties only, the fewest array items, the smallest
 * number; `named` gives values for fields whose meaning a schema cannot say (dates of a dataset).
 */
export function exampleOf(schema: JsonSchema, named: Record<string, unknown> = {}, key?: string): unknown {
  const s = checked(schema);
  if (key !== undefined && key in named) return named[key];
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const choices = options(s);
  if (choices) return exampleOf(choices[0]!, named, key);
  switch (typeOf(s) ?? (s.properties ? 'object' : undefined)) {
    case 'object':
      return Object.fromEntries(
        (s.required ?? []).map((k) => [k, exampleOf(s.properties?.[k] ?? {}, named, k)]),
      );
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => exampleOf(s.items ?? {}, named));
    case 'string':
      return exampleString(s);
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum === undefined ? 1 : s.exclusiveMinimum + 1);
    case 'boolean':
      return false;
    default:
      if (isFree(s)) return 'free';
      throw new CannotBuild(`no example for ${JSON.stringify(s)}`);
  }
}

/** Every place a string goes: string properties, array items (the first), free object keys. */
export function stringSlots(schema: JsonSchema, path: Segment[]): StringSlot[] {
  const s = checked(schema);
  const choices = options(s);
  if (choices) {
    const seen = new Set<string>();
    return choices
      .flatMap((choice) => stringSlots(choice, path))
      .filter((slot) => !seen.has(slot.path.join('.')) && seen.add(slot.path.join('.')));
  }
  if (s.enum || s.const !== undefined) return [];
  const type = typeOf(s) ?? (s.properties ? 'object' : undefined);
  if (type === 'string') return [{ path, schema: s }];
  if (type === 'array') return stringSlots(s.items ?? {}, [...path, 0]);
  if (type !== 'object') return [];
  const slots = Object.entries(s.properties ?? {}).flatMap(([k, v]) => stringSlots(v, [...path, k]));
  // An object that takes any keys (a profile definition): a string under a key of our own.
  if (s.additionalProperties && s.additionalProperties !== true && isFree(s.additionalProperties))
    slots.push({ path: [...path, FREE_KEY], schema: { type: 'string' } });
  return slots;
}

function optionFor(schema: JsonSchema, segment: Segment): JsonSchema {
  const choices = options(schema);
  if (!choices) return schema;
  const want = typeof segment === 'number' ? 'array' : 'object';
  return choices.find((c) => typeOf(c) === want || (want === 'object' && c.properties)) ?? choices[0]!;
}

/** `base` with `value` at `path`, building the objects and arrays on the way from their schemas. */
export function withValueAt(
  base: unknown,
  schema: JsonSchema,
  path: Segment[],
  value: unknown,
  named: Record<string, unknown> = {},
): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [Segment, ...Segment[]];
  const s = optionFor(checked(schema), head);
  if (typeof head === 'number') {
    const items = s.items ?? {};
    const array = Array.isArray(base) ? [...base] : [];
    while (array.length <= head) array.push(exampleOf(items, named));
    array[head] = withValueAt(array[head], items, rest, value, named);
    return array;
  }
  const object =
    base && typeof base === 'object' && !Array.isArray(base)
      ? { ...(base as Record<string, unknown>) }
      : (exampleOf({ ...s, type: 'object' }, named) as Record<string, unknown>);
  const child =
    s.properties?.[head] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : {});
  object[head] = withValueAt(object[head], child, rest, value, named);
  return object;
}

/**
 * Percent-encodes any string, lone surrogates included (as the WTF-8 bytes a careless client
 * would send), which encodeURIComponent refuses.
 */
export function percentEncode(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      const bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
      out += bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(char);
  }
  return out;
}
