import { InputFileError } from '../input-file-error.js';
import { type CsvEncoding, nodeEncoding, openCsvBytes } from './csv-input.js';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Where records start, as breakpoints: from record ordinal `record` on, a record's first line is
 * `record + offset` (1-based), until the next breakpoint. Blank lines, a header and quoted fields
 * spanning lines move the offset; on plain files there is a single breakpoint.
 */
export interface Breakpoint {
  record: number;
  offset: number;
}

const NL = 10;
const CR = 13;

/** How a delimited file's physical lines divide, as DuckDB's reader sees them. */
export interface LocatedFile {
  breakpoints: Breakpoint[];
  /** Physical lines: LF-terminated, plus a last line without one. */
  lines: number;
  /** Records (each starts on a line; a quoted value may carry it over more lines). */
  records: number;
  headerLines: number;
  /** Empty lines between records (the reader skips them). */
  blankLines: number;
  /** Lines after the first of a record whose quoted value spans lines. */
  continuationLines: number;
}

/** Throws the signal's reason when it has been aborted (a cancelled import stops between chunks). */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new Error('import cancelled');
}

/**
 * Walks a delimited file as DuckDB's reader sees it (header line skipped, empty lines skipped,
 * a record continues over newlines inside quotes) and returns the record-start breakpoints with
 * the count of every kind of line, which the import checks its own counts against. It only looks
 * for newlines and quote characters with Buffer.indexOf; the fields are parsed by DuckDB.
 */
export async function locateRecords(
  path: string,
  header: boolean,
  quote: string,
  signal?: AbortSignal,
  encoding: CsvEncoding = 'utf-8',
): Promise<LocatedFile> {
  const q = quote ? quote.charCodeAt(0) : -1;
  const out: Breakpoint[] = [];
  const counts = { lines: 0, headerLines: 0, blankLines: 0, continuationLines: 0 };
  let record = 0;
  let inQuotes = false;
  let pendingStart = true;
  let lineLen = 0;
  let lineQuotes = 0;
  let lineStartedQuoted = false;
  let skipHeader = header;
  const endLine = (): void => {
    counts.lines += 1;
    const blank = lineLen === 0 && !lineStartedQuoted;
    if (lineQuotes % 2 === 1) inQuotes = !inQuotes;
    if (skipHeader) {
      counts.headerLines += 1;
      skipHeader = inQuotes;
    } else if (!pendingStart) {
      counts.continuationLines += 1;
    } else if (blank) {
      counts.blankLines += 1;
    } else {
      const offset = counts.lines - record;
      const last = out[out.length - 1];
      if (!last || last.offset !== offset) out.push({ record, offset });
      record += 1;
    }
    pendingStart = !inQuotes;
    lineStartedQuoted = inQuotes;
    lineLen = 0;
    lineQuotes = 0;
  };
  let first = true;
  let sawLf = false;
  let crs = 0;
  for await (const chunk of openCsvBytes(path) as AsyncIterable<Buffer>) {
    throwIfAborted(signal);
    let pos = 0;
    // DuckDB's UTF-8 reader drops a byte-order mark: a file holding only one has no record.
    if (first && encoding === 'utf-8' && chunk.subarray(0, 3).equals(UTF8_BOM)) pos = 3;
    first = false;
    if (!sawLf) {
      sawLf = chunk.includes(NL);
      if (!sawLf) crs += chunk.includes(CR) ? 1 : 0;
    }
    // Next quote at or after pos, found once per quote (not once per line: that would be quadratic).
    let nextQuote = q >= 0 ? chunk.indexOf(q, 0) : -1;
    while (pos < chunk.length) {
      const nl = chunk.indexOf(NL, pos);
      const end = nl === -1 ? chunk.length : nl;
      let segEnd = end;
      if (nl !== -1 && segEnd > pos && chunk[segEnd - 1] === CR) segEnd -= 1;
      lineLen += segEnd - pos;
      while (nextQuote !== -1 && nextQuote < end) {
        lineQuotes += 1;
        nextQuote = chunk.indexOf(q, nextQuote + 1);
      }
      if (nl === -1) break;
      endLine();
      pos = nl + 1;
    }
  }
  // DuckDB's reader then takes CR as the line end; the line numbers here (and of the rejects) count
  // LF only, so such a file is refused with the remedy rather than numbered wrongly.
  if (!sawLf && crs > 0)
    throw new InputFileError(
      'files',
      `${path}: its lines end in CR only (an old Mac OS export); convert them to LF (e.g. tr '\\r' '\\n') and import that`,
    );
  if (lineLen > 0 || lineQuotes > 0) endLine();
  return { breakpoints: out, records: record, ...counts };
}

/** Whether a record starts on the (1-based) physical line. */
export function isRecordStart(located: Pick<LocatedFile, 'breakpoints' | 'records'>, line: number): boolean {
  const bps = located.breakpoints;
  let lo = 0;
  let hi = bps.length - 1;
  if (hi < 0 || bps[0]!.record + bps[0]!.offset > line) return false;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bps[mid]!.record + bps[mid]!.offset <= line) lo = mid;
    else hi = mid - 1;
  }
  const record = line - bps[lo]!.offset;
  const nextStart = lo + 1 < bps.length ? bps[lo + 1]!.record : located.records;
  return record < nextStart;
}

/**
 * Breakpoints over the ordinals of the records DuckDB returned (`k`), given the breakpoints over all
 * records and the lines the reader rejected: line(k) = k + offset of the last breakpoint ≤ k.
 */
export function goodRecordBreakpoints(all: Breakpoint[], rejectedLines: number[]): Breakpoint[] {
  const lineToRecord = (line: number): number => {
    let lo = 0;
    let hi = all.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (all[mid]!.record + all[mid]!.offset <= line) lo = mid;
      else hi = mid - 1;
    }
    return line - all[lo]!.offset;
  };
  const rejected = [...new Set(rejectedLines.map(lineToRecord))].sort((x, y) => x - y);
  const out: Breakpoint[] = [];
  const push = (k: number, offset: number): void => {
    const last = out[out.length - 1];
    if (last && last.record === k) last.offset = offset;
    else if (!last || last.offset !== offset) out.push({ record: k, offset });
  };
  let bi = 0;
  let ri = 0;
  let shift = 0;
  let offset = all[0]?.offset ?? 1;
  // Walk breakpoints and rejected records in record order; the good ordinal is k = r - shift.
  while (bi < all.length || ri < rejected.length) {
    const nextB = bi < all.length ? all[bi]!.record : Number.POSITIVE_INFINITY;
    const nextR = ri < rejected.length ? rejected[ri]! : Number.POSITIVE_INFINITY;
    if (nextB <= nextR) {
      offset = all[bi]!.offset;
      push(nextB - shift, offset + shift);
      bi += 1;
    } else {
      shift += 1;
      push(nextR + 1 - shift, offset + shift);
      ri += 1;
    }
  }
  if (out.length === 0) out.push({ record: 0, offset: 1 });
  return out;
}

/**
 * The text of the given (1-based) physical lines, for the rejects file. Lines end at LF (a CR
 * before it is dropped), as {@link locateRecords} counts them. The file is scanned as bytes with
 * Buffer.indexOf and only the wanted lines are decoded: a line reader decoding every line took
 * ~5 s to find a few rejected lines in a 604 MiB file.
 */
export async function readLines(
  path: string,
  lines: ReadonlySet<number>,
  encoding: CsvEncoding = 'utf-8',
  signal?: AbortSignal,
): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (lines.size === 0) return out;
  let max = 0; // not Math.max(...lines): a spread of ~125 k values overflows the call stack
  for (const n of lines) if (n > max) max = n;
  const decode = (parts: Buffer[]): string => {
    let bytes = Buffer.concat(parts);
    if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
    return bytes.toString(nodeEncoding(encoding));
  };
  let line = 1;
  // The bytes of the current line when it is one of those wanted (copied: chunks are not kept).
  let parts: Buffer[] | null = lines.has(1) ? [] : null;
  const input = openCsvBytes(path);
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      throwIfAborted(signal);
      let pos = 0;
      while (pos < chunk.length) {
        const nl = chunk.indexOf(NL, pos);
        if (parts) parts.push(Buffer.from(chunk.subarray(pos, nl === -1 ? chunk.length : nl)));
        if (nl === -1) break;
        if (parts) out.set(line, decode(parts));
        line += 1;
        if (line > max) return out;
        parts = lines.has(line) ? [] : null;
        pos = nl + 1;
      }
    }
    if (parts && parts.length > 0) out.set(line, decode(parts)); // a last line with no newline
    return out;
  } finally {
    input.destroy();
  }
}
