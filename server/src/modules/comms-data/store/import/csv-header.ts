import { InputFileError } from '../input-file-error.js';
import { openCsvBytes } from './csv-input.js';

/**
 * The column names on the first line of a delimited file. Only the header line is split here
 * (quotes honoured); the records themselves are read by DuckDB.
 */
export async function readCsvHeader(path: string, delimiter: string, quote: string): Promise<string[]> {
  const stream = openCsvBytes(path, 1 << 16);
  try {
    const chunks: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      bytes += chunk.length;
      if (chunk.includes(0x0a) || bytes >= 1 << 20) break;
    }
    let text = Buffer.concat(chunks).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
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
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw new InputFileError('files', `${path}: cannot read the header (${(error as Error).message})`);
  } finally {
    stream.destroy();
  }
}
