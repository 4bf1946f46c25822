import { createReadStream } from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputFileError } from '../input-file-error.js';

/**
 * How a delimited file is compressed, from its name, as DuckDB's reader decides it
 * (`compression = 'auto'`): `.gz` is gzip, `.zst` zstd, anything else plain text.
 */
function csvCompression(path: string): 'none' | 'gzip' | 'zstd' {
  const lower = path.toLowerCase();
  if (lower.endsWith('.gz')) return 'gzip';
  if (lower.endsWith('.zst')) return 'zstd';
  return 'none';
}

/**
 * The text bytes of a delimited file, decompressed as DuckDB's reader will, so the header, line
 * numbers and rejected lines read here match the records DuckDB parses. zstd is refused with the
 * field and the remedy: Node 20 has no zstd decoder to find line numbers with.
 */
export function openCsvBytes(path: string, highWaterMark = 1 << 20): Readable {
  const compression = csvCompression(path);
  if (compression === 'zstd')
    throw new InputFileError(
      'files',
      `${path}: zstd-compressed CSV is not supported; decompress it or use gzip`,
    );
  const raw = createReadStream(path, { highWaterMark });
  if (compression === 'none') return raw;
  // pipeline destroys both on an error or an early stop; the reader of the result sees the error.
  return pipeline(raw, createGunzip({ chunkSize: highWaterMark }), () => undefined);
}
