import { describe, expect, it } from 'vitest';
import { LIMIT, lineCount, oversized } from './file-size-guard.mjs';

describe('file-size guard', () => {
  it('counts lines with or without a final newline', () => {
    expect([lineCount(''), lineCount('a'), lineCount('a\n'), lineCount('a\nb'), lineCount('a\nb\n')]).toEqual(
      [0, 1, 1, 2, 2],
    );
  });

  it('names the files over the limit, longest first, except those allowed', () => {
    const texts: Record<string, string> = {
      'a.ts': 'x\n'.repeat(LIMIT),
      'b.ts': 'x\n'.repeat(LIMIT + 1),
      'c.ts': 'x\n'.repeat(LIMIT + 50),
      'generated.ts': 'x\n'.repeat(LIMIT * 3),
    };
    const allow = new Map([['generated.ts', 'generated']]);
    expect(oversized(Object.keys(texts), (f: string) => texts[f]!, LIMIT, allow)).toEqual([
      { file: 'c.ts', lines: LIMIT + 50 },
      { file: 'b.ts', lines: LIMIT + 1 },
    ]);
  });
});
