import { DrizzleQueryError } from 'drizzle-orm/errors';

/**
 * What a log line may say about an error (CONVENTIONS rule 17: field names, error types and codes,
 * never values of protected records): its class, its code (PostgreSQL SQLSTATE, Node or AppError
 * code), DuckDB's error type, the names PostgreSQL gives (table, column, constraint), its message
 * with the values taken out, the stack frames, and its cause made safe the same way.
 */
export interface SafeError {
  type: string;
  code?: string;
  /** DuckDB's error type, e.g. `Conversion Error` (its errors carry no code). */
  duckdbType?: string;
  table?: string;
  column?: string;
  constraint?: string;
  message?: string;
  /** The frames only: the stack's first lines repeat the message. */
  stack?: string;
  cause?: SafeError;
  errors?: SafeError[];
}

const madeSafe = new WeakSet<object>();
const codeShape = /^[A-Za-z0-9_.-]{1,64}$/;
const nameShape = /^[A-Za-z_][A-Za-z0-9_$.]{0,127}$/;
const duckdbTypeShape = /^([A-Z][A-Za-z]*(?: [A-Za-z]+){0,3} Error): /;
const maxMessage = 500;
const maxFrames = 12;
const maxDepth = 3;

/**
 * The message without values: Drizzle's `params:` and DuckDB's `LINE n:` excerpt cut off, quoted
 * literals and long digit runs (numbers) replaced. In SQL text (`sqlText`) double quotes are
 * identifiers and stay; in a database's message they may quote a value, so they go too. A quote
 * left unmatched ends the message there rather than let what follows through.
 */
function withoutValues(message: string, sqlText: boolean): string {
  let text = message;
  for (const marker of [/\nparams:/, /\n\s*LINE \d+:/]) {
    const at = text.search(marker);
    if (at >= 0) text = text.slice(0, at);
  }
  text = text
    .replace(/(\w)'(\w)/g, '$1\u2019$2') // an apostrophe inside a word (can't) opens no literal
    .replace(/'[^']*'/g, '?');
  if (!sqlText) text = text.replace(/"[^"]*"/g, '?');
  const lone = text.search(sqlText ? /'/ : /['"]/);
  if (lone >= 0) text = `${text.slice(0, lone)}…`;
  text = text.replace(/\d{4,}/g, '#');
  return text.length > maxMessage ? `${text.slice(0, maxMessage)}…` : text;
}

function typeOf(error: Error & Record<string, unknown>): string {
  const constructorName: unknown = Object.getPrototypeOf(error)?.constructor?.name;
  // Bundles minify class names (PGlite's errors are an `O`): those say nothing.
  if (typeof constructorName === 'string' && constructorName.length > 2 && constructorName !== 'Error')
    if (nameShape.test(constructorName)) return constructorName;
  if (error.name !== 'Error' && /^[A-Z][A-Za-z]*Error$/.test(error.name)) return error.name;
  // pg-protocol names its DatabaseError 'error'; a SQLSTATE says where it came from.
  if (typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code)) return 'DatabaseError';
  return 'Error';
}

function stringField(value: unknown, shape: RegExp): string | undefined {
  return typeof value === 'string' && shape.test(value) ? value : undefined;
}

function safe(value: unknown, depth: number): SafeError {
  if (typeof value === 'object' && value !== null && madeSafe.has(value)) return value as SafeError;
  if (!(value instanceof Error)) return { type: value === null ? 'null' : typeof value };
  const fields = value as Error & Record<string, unknown>;
  const out: SafeError = { type: typeOf(fields) };
  const code = stringField(fields.code, codeShape);
  if (code) out.code = code;
  const duckdbType = duckdbTypeShape.exec(value.message)?.[1];
  if (duckdbType && !code) out.duckdbType = duckdbType;
  for (const name of ['table', 'column', 'constraint'] as const) {
    const identifier = stringField(fields[name], nameShape);
    if (identifier) out[name] = identifier;
  }
  out.message = withoutValues(value.message, value instanceof DrizzleQueryError);
  const frames = (value.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  if (frames.length > 0) out.stack = frames.slice(0, maxFrames).join('\n');
  if (depth < maxDepth && value.cause !== undefined) out.cause = safe(value.cause, depth + 1);
  if (depth < maxDepth && value instanceof AggregateError)
    out.errors = value.errors.slice(0, 5).map((e) => safe(e, depth + 1));
  madeSafe.add(out);
  return out;
}

/**
 * The one way an error reaches a log line: `log.error({ err: safeError(error) }, '...')`. The
 * logger's `err` serializer is this function too, so an error logged elsewhere (by Fastify itself)
 * is made safe the same way; an error already made safe passes through unchanged.
 */
export function safeError(error: unknown): SafeError {
  return safe(error, 0);
}
