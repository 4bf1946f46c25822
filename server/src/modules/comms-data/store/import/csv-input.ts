import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline, type Readable, Transform } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
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

/** Drops each CR that ends a line (CRLF → LF), across chunk boundaries; a CR elsewhere stays. */
export function crlfToLf(): Transform {
  let heldCr = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const parts: Buffer[] = [];
      let start = 0;
      if (heldCr && chunk[0] !== 0x0a) parts.push(Buffer.from([0x0d]));
      heldCr = false;
      for (let i = chunk.indexOf(0x0d); i !== -1; i = chunk.indexOf(0x0d, i + 1)) {
        if (i === chunk.length - 1) {
          parts.push(chunk.subarray(start, i));
          heldCr = true;
          start = chunk.length;
        } else if (chunk[i + 1] === 0x0a) {
          parts.push(chunk.subarray(start, i));
          start = i + 1;
        }
      }
      parts.push(chunk.subarray(start));
      done(null, Buffer.concat(parts));
    },
    flush(done) {
      done(null, heldCr ? Buffer.from([0x0d]) : null);
    },
  });
}

/**
 * Writes the file's text (decompressed) with LF line ends to `dest`: the same lines in the same
 * order, so line numbers hold (a line end inside a quoted value becomes LF too). For a file mixing
 * CRLF and LF lines (e.g. returns concatenated from two systems), which DuckDB's reader refuses
 * as a whole.
 */
export async function writeLfCopy(path: string, dest: string): Promise<void> {
  await pipelineAsync(openCsvBytes(path), crlfToLf(), createWriteStream(dest));
}
