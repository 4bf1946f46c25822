import { createReadStream } from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputFileError } from '../input-file-error.js';

/** Text encodings a provider file may use: the ones DuckDB's reader decodes without an extension. */
export type CsvEncoding = 'utf-8' | 'latin-1';

/** The encoding's name for Node's Buffer/stream decoders. */
export function nodeEncoding(encoding: CsvEncoding): BufferEncoding {
  return encoding === 'latin-1' ? 'latin1' : 'utf8';
}

/**
 * Refuses UTF-16 text (byte-order mark FF FE or FE FF at the start): its two-byte newlines would
 * misplace every line number, so the remedy is named instead of a header of garbled names.
 */
export function assertNotUtf16(path: string, head: Buffer): void {
  const bom = head.subarray(0, 2).toString('hex');
  if (bom === 'fffe' || bom === 'feff')
    throw new InputFileError(
      'files',
      `${path} is UTF-16 text (byte-order mark ${bom.toUpperCase()}); save it as UTF-8 or Latin-1 (e.g. iconv -f UTF-16 -t UTF-8) and import that`,
    );
}

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
