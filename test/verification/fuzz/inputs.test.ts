import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '#server/platform/http/hostile-input.test-support';
import { mutate, Rng, routeSeed, validValue } from './inputs';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 40 },
    at: { type: 'string', format: 'date-time' },
    count: { type: 'integer', minimum: 1 },
    tags: { type: 'array', items: { type: 'string' } },
  },
  required: ['name'],
};

describe('the fuzzer inputs', () => {
  it('replay: one seed and route give the same inputs; another seed others', () => {
    const make = (seed: number) => {
      const rng = new Rng(routeSeed(seed, 'POST /api/x'));
      return JSON.stringify(Array.from({ length: 50 }, () => mutate(validValue(schema, rng, {}), rng)));
    };
    expect(make(42)).toBe(make(42));
    expect(make(42)).not.toBe(make(43));
  });

  it('generates values the schema allows, the named ones as given', () => {
    const rng = new Rng(1);
    for (let i = 0; i < 200; i++) {
      const v = validValue(schema, rng, { count: 7 }) as Record<string, unknown>;
      expect(typeof v.name).toBe('string');
      expect((v.name as string).length).toBeGreaterThanOrEqual(1);
      if ('count' in v) expect(v.count).toBe(7);
      if ('at' in v) expect(Number.isNaN(Date.parse(v.at as string))).toBe(false);
    }
  });

  it('mutates into prototype keys as own properties, never into the prototype', () => {
    const rng = new Rng(7);
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const { what, value } = mutate({ name: 'a', nested: { b: 1 } }, rng);
      seen.add(what.replace(/ at .*/, ''));
      const json = JSON.stringify(value);
      if (what.startsWith('key __proto__')) expect(json).toContain('"__proto__":');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    for (const kind of [
      'key __proto__',
      'key constructor',
      'lone surrogate',
      'NUL',
      'huge string',
      'NaN as text',
    ])
      expect(seen).toContain(kind);
  });
});
