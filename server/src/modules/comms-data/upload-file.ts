import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../platform/errors';

/** Uploaded data files may be large (a provider's return): 2 GiB per request. */
export const UPLOAD_LIMIT_BYTES = 2 * 1024 ** 3;
export const UPLOAD_CONTENT_TYPES = [
  'text/csv',
  'text/plain',
  'application/octet-stream',
  'application/gzip',
];

/**
 * Streams an upload to `<dir>/<uuid><ext>` without holding it in memory, refusing it past the
 * limit (the partial file is removed). Returns the path and size. A gzip-compressed CSV (by its
 * magic bytes, whatever the content type said) is named `.csv.gz` so the reader decompresses it.
 */
export async function saveUpload(
  body: Readable,
  dir: string,
  ext: string,
  limit = UPLOAD_LIMIT_BYTES,
): Promise<{ path: string; bytes: number }> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${randomUUID()}${ext}`);
  let bytes = 0;
  let head = Buffer.alloc(0);
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (head.length < 2) head = Buffer.concat([head, chunk.subarray(0, 2 - head.length)]);
      bytes += chunk.length;
      if (bytes > limit) done(new AppError('PAYLOAD_TOO_LARGE', `Uploads are limited to ${limit} bytes.`));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(body, counter, createWriteStream(path));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  if (bytes === 0) {
    await rm(path, { force: true });
    throw new AppError('VALIDATION_FAILED', 'The upload is empty: send the file as the request body.');
  }
  if (ext === '.csv' && head[0] === 0x1f && head[1] === 0x8b) {
    await rename(path, `${path}.gz`);
    return { path: `${path}.gz`, bytes };
  }
  return { path, bytes };
}
