import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { tempDirPerTest } from '../fixtures/test-helpers.js';
import { readLines } from './line-locator.js';

const temp = tempDirPerTest();

it('reads the wanted lines as written: CRLF or LF, a last line with no newline, gzip and Latin-1', async () => {
  const text = 'head\r\nfirst,1\nsecond,2\r\n\nlast,5';
  const plain = join(temp.dir, 'a.csv');
  await writeFile(plain, text);
  const want = new Set([2, 3, 4, 5, 9]);
  const expected = new Map([
    [2, 'first,1'],
    [3, 'second,2'],
    [4, ''],
    [5, 'last,5'],
  ]);
  expect(await readLines(plain, want)).toEqual(expected);
  const gz = join(temp.dir, 'a.csv.gz');
  await writeFile(gz, gzipSync(Buffer.from(text)));
  expect(await readLines(gz, want)).toEqual(expected);
  const latin1 = join(temp.dir, 'l.csv');
  await writeFile(latin1, Buffer.from('h\nMünchen,1\n', 'latin1'));
  expect(await readLines(latin1, new Set([2]), 'latin-1')).toEqual(new Map([[2, 'München,1']]));
});

it('finds lines across the reader chunks of a large file, and only those asked for', async () => {
  // 1 MiB chunks: 60,000 lines of 40 bytes put lines on both sides of two chunk boundaries.
  const row = (i: number) => `${String(i).padStart(8, '0')},${'x'.repeat(29)}é`;
  const path = join(temp.dir, 'big.csv');
  await writeFile(path, `${Array.from({ length: 60_000 }, (_, i) => row(i + 1)).join('\n')}\n`);
  const boundary = Math.floor((1 << 20) / Buffer.byteLength(`${row(1)}\n`));
  const want = [1, boundary, boundary + 1, boundary + 2, 2 * boundary + 1, 60_000];
  const got = await readLines(path, new Set(want));
  expect([...got.keys()].sort((x, y) => x - y)).toEqual(want);
  for (const n of want) expect(got.get(n)).toBe(row(n));
});
