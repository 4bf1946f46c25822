import { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import { crlfToLf } from './csv-input.js';

async function through(chunks: string[]): Promise<string> {
  const out: Buffer[] = [];
  for await (const b of Readable.from(chunks.map((c) => Buffer.from(c))).pipe(crlfToLf()))
    out.push(b as Buffer);
  return Buffer.concat(out).toString();
}

it('turns CRLF into LF across chunk boundaries and keeps every other CR', async () => {
  expect(await through(['a\r\nb\r\n'])).toBe('a\nb\n');
  expect(await through(['a\r', '\nb\r', 'c\r'])).toBe('a\nb\rc\r');
  expect(await through(['\r', '\r', '\n', '\n\r'])).toBe('\r\n\n\r');
  expect(await through(['x\ry\r\r\nz'])).toBe('x\ry\r\nz');
});
