import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import type { z } from 'zod';
import { errorBody } from '#shared/contracts/errors';
import { printable } from '#shared/printable';
import { packageVersion } from '#server/version';
import { CliError } from './cli-error';
import type { Connection } from './credentials';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | readonly (string | number)[] | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions<T> {
  query?: Query;
  /** Sent as JSON. */
  body?: unknown;
  /** The answer's schema (the route's response contract); without one the answer is not read. */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
}

export interface UploadOptions<T> {
  query?: Query;
  /** text/csv, or application/octet-stream (Parquet, gzip). */
  contentType: string;
  schema: z.ZodType<T>;
  /** Bytes sent so far, of the file's size. */
  onProgress?: (sent: number, total: number) => void;
}

/** One server-sent event: its name (`progress`, `done`) and its data, parsed as JSON. */
export interface ServerEvent {
  event: string;
  data: unknown;
}

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** The server's error body as a CliError (its code, message, rule and fields), whatever it sent. */
async function errorOf(response: Response, path: string): Promise<CliError> {
  const text = await response.text().catch(() => '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = errorBody.safeParse(json);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new CliError(code, printable(message), details, response.status);
  }
  const code = response.status >= 500 ? 'SERVICE_UNAVAILABLE' : 'INVALID_RESPONSE';
  return new CliError(
    code,
    `The server answered ${response.status} to ${path} without a Lantern error body (is the URL a Lantern server?).`,
    undefined,
    response.status,
  );
}

/**
 * The `lantern` command's HTTP client of a running server: the access token as a bearer (never in
 * a URL, never printed), JSON in and out, answers checked against the route's response contract,
 * and the server's error contract turned into a CliError (exit-codes.ts maps it to an exit code).
 */
export class ApiClient {
  constructor(
    readonly connection: Connection,
    private readonly fetchImpl: typeof fetch = globalThis.fetch,
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return {
      authorization: `Bearer ${this.connection.token}`,
      'user-agent': `lantern-cli/${packageVersion}`,
      ...extra,
    };
  }

  /** Sends one request; a refusal or a server fault becomes a CliError. */
  async send(path: string, init: RequestInit & { duplex?: 'half' }): Promise<Response> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.connection.url}${path}`, init);
    } catch (cause) {
      if (cause instanceof Error && cause.name === 'AbortError') throw cause;
      const inner = (cause as { cause?: { code?: string; message?: string } }).cause;
      const reason = inner?.code ?? inner?.message ?? (cause as Error).message;
      throw new CliError(
        'UNREACHABLE',
        `Cannot reach the Lantern server at ${this.connection.url} (${reason}): is it running?`,
      );
    }
    if (!response.ok) throw await errorOf(response, path.split('?')[0]!);
    return response;
  }

  async request<T = undefined>(method: Method, path: string, options: RequestOptions<T> = {}): Promise<T> {
    const hasBody = options.body !== undefined;
    const response = await this.send(withQuery(path, options.query), {
      method,
      headers: this.headers({
        accept: 'application/json',
        ...(hasBody ? { 'content-type': 'application/json' } : {}),
      }),
      ...(hasBody ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return this.read(response, path, options.schema);
  }

  get<T>(path: string, schema: z.ZodType<T>, query?: Query): Promise<T> {
    return this.request('GET', path, { schema, ...(query ? { query } : {}) });
  }

  post<T>(path: string, body: unknown, schema: z.ZodType<T>, query?: Query): Promise<T> {
    return this.request('POST', path, { body, schema, ...(query ? { query } : {}) });
  }

  /**
   * Streams a file as the request body (never read whole into memory), with its length declared so
   * the server can refuse one too large before it is sent.
   */
  async upload<T>(path: string, file: string, options: UploadOptions<T>): Promise<T> {
    const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
      throw new CliError('VALIDATION_FAILED', `Cannot read ${file}: ${error.code ?? error.message}.`);
    });
    if (!info.isFile()) throw new CliError('VALIDATION_FAILED', `${file} is not a file.`);
    const total = info.size;
    let sent = 0;
    const counted = createReadStream(file).pipe(
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          sent += chunk.length;
          options.onProgress?.(sent, total);
          done(null, chunk);
        },
      }),
    );
    const response = await this.send(withQuery(path, options.query), {
      method: 'POST',
      headers: this.headers({
        accept: 'application/json',
        'content-type': options.contentType,
        'content-length': String(total),
      }),
      body: Readable.toWeb(counted) as ReadableStream<Uint8Array>,
      duplex: 'half',
    });
    return this.read(response, path, options.schema);
  }

  /** Follows a server-sent event stream until the server ends it (or `signal` aborts it). */
  async *events(path: string, signal?: AbortSignal): AsyncGenerator<ServerEvent> {
    const response = await this.send(path, {
      method: 'GET',
      headers: this.headers({ accept: 'text/event-stream' }),
      ...(signal ? { signal } : {}),
    });
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
        }
        if (data.length > 0) yield { event, data: JSON.parse(data.join('\n')) as unknown };
      }
    }
  }

  private async read<T>(response: Response, path: string, schema: z.ZodType<T> | undefined): Promise<T> {
    if (!schema || response.status === 204) {
      await response.body?.cancel();
      return undefined as T;
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new CliError('INVALID_RESPONSE', `The server's answer to ${path} is not JSON.`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new CliError(
        'INVALID_RESPONSE',
        `Unexpected answer from ${path} (a server of another version?): ${parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ')}`,
      );
    return parsed.data;
  }
}
