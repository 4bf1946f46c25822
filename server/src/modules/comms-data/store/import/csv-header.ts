import { InputFileError } from '../input-file-error.js';
import { assertNotUtf16, type CsvEncoding, nodeEncoding, openCsvBytes } from './csv-input.js';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The first line's bytes (or the first MiB), decompressed; UTF-16 text is refused. */
async function readHead(path: string): Promise<Buffer> {
  const stream = openCsvBytes(path, 1 << 16);
  try {
    const chunks: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      bytes += chunk.length;
      if (chunk.includes(0x0a) || bytes >= 1 << 20) break;
    }
    const head = Buffer.concat(chunks);
    assertNotUtf16(path, head);
    return head;
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw new InputFileError('files', `${path}: cannot read the start (${(error as Error).message})`);
  } finally {
    stream.destroy();
  }
}

/** Checks a headerless file's text encoding before DuckDB reads it (see {@link assertNotUtf16}). */
export async function checkCsvStart(path: string): Promise<void> {
  await readHead(path);
}

/**
 * The column names on the first line of a delimited file. Only the header line is split here
 * (quotes honoured); the records themselves are read by DuckDB.
 */
export async function readCsvHeader(
  path: string,
  delimiter: string,
  quote: string,
  encoding: CsvEncoding = 'utf-8',
): Promise<string[]> {
  let head = await readHead(path);
  if (head.subarray(0, 3).equals(UTF8_BOM)) head = head.subarray(3);
  const text = head.toString(nodeEncoding(encoding));
  if (text.trim() === '') throw new InputFileError('files', `${path} is empty: no header line`);
  const end = text.search(/\r?\n/);
  const line = end === -1 ? text : text.slice(0, end);
  const names: string[] = [];
  let cur = '';
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    if (quote && line[i] === quote) {
      if (inQuotes && line[i + 1] === quote) {
        cur += quote;
        i++;
      } else inQuotes = !inQuotes;
    } else if (!inQuotes && line.startsWith(delimiter, i)) {
      names.push(cur);
      cur = '';
      i += delimiter.length - 1;
    } else cur += line[i];
  }
  names.push(cur);
  return names.map((n) => n.trim());
}
