import { describe, expect, it } from 'vitest';
import { groupSecret } from './account.queries';

describe('groupSecret', () => {
  it('splits a base32 secret into groups of four for typing', () => {
    expect(groupSecret('ABCDEFGHIJKLMN')).toBe('ABCD EFGH IJKL MN');
    expect(groupSecret('ABCDEFGH')).toBe('ABCD EFGH');
  });
});
