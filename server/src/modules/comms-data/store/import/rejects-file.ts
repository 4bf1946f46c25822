import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export interface RejectRow {
  file: string;
  line: number;
  reason: string;
  raw: string | null;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Writes the rejects CSV: header `file,line,reason,raw`, rows in file then line order. Returns the
 * first `firstCount` rows written (what a summary shows).
 */
export async function writeRejectsFile(
  path: string,
  rows: RejectRow[],
  firstCount = 20,
): Promise<RejectRow[]> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const sorted = [...rows].sort((x, y) => (x.file === y.file ? x.line - y.line : x.file < y.file ? -1 : 1));
  out.write('file,line,reason,raw\n');
  for (const r of sorted) {
    const ok = out.write(`${csvField(r.file)},${r.line},${csvField(r.reason)},${csvField(r.raw ?? '')}\n`);
    if (!ok) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return sorted.slice(0, firstCount);
}
