import { describe, expect, it } from 'vitest';
import { initials } from './initials';

describe('initials', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initials('Sam Carter')).toBe('SC');
    expect(initials('  ada   lovelace ')).toBe('AL');
    expect(initials('Cher')).toBe('C');
  });

  it('reads letters only, never brackets or digits (issue 19: "J(")', () => {
    expect(initials('Judge Inspector (IPCO)')).toBe('JI');
    expect(initials('(IPCO) Judge')).toBe('IJ');
    expect(initials('Agent 007')).toBe('A');
    expect(initials('Éowyn Ørsted')).toBe('ÉØ');
  });

  it('has a fallback for a name without letters', () => {
    expect(initials('007 (—)')).toBe('?');
    expect(initials('')).toBe('?');
  });
});
