import { describe, expect, it } from 'vitest';
import { dataKeyAad, encodeAad, fieldAad, u32 } from './aad.js';

describe('encodeAad', () => {
  it('is unambiguous where a separator join would collide', () => {
    expect(encodeAad(['a', 'bc']).equals(encodeAad(['ab', 'c']))).toBe(false);
    expect(dataKeyAad('t|1', '2').equals(dataKeyAad('t', '1|2'))).toBe(false);
  });

  it('binds every field part, including the data-key version', () => {
    const base = fieldAad(1, 'sources', 'true_name', 'r1', 1);
    expect(base.equals(fieldAad(1, 'sources', 'true_name', 'r1', 2))).toBe(false);
    expect(base.equals(fieldAad(2, 'sources', 'true_name', 'r1', 1))).toBe(false);
  });

  it('refuses numbers that are not uint32', () => {
    expect(() => u32(-1)).toThrow(RangeError);
    expect(() => u32(2 ** 32)).toThrow(RangeError);
    expect(() => u32(1.5)).toThrow(RangeError);
  });
});
