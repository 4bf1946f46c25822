import { open } from 'node:fs/promises';

/**
 * The column names on the first line of a delimited file. Only the header line is split here
 * (quotes honoured); the records themselves are read by DuckDB.
 */
export async function readCsvHeader(path: string, delimiter: string, quote: string): Promise<string[]> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 16);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    let text = buf.subarray(0, bytesRead).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
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
  } finally {
    await handle.close();
  }
}
