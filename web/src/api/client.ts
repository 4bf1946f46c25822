import type { z } from 'zod';
import { ApiError, INVALID_RESPONSE, NETWORK_ERROR, toApiError } from './api-error';
import { CSRF_COOKIE, CSRF_HEADER, needsCsrfToken, readCookie } from './cookies';

export { ApiError, isApiError, NETWORK_ERROR } from './api-error';

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClientDeps {
  /** Defaults to the browser's fetch; tests pass a fake. */
  fetch?: typeof fetch;
  /** Defaults to `document.cookie`. */
  readCookies?: () => string;
}

export interface RequestOptions<T> {
  body?: unknown;
  /** Validates a successful body; without it the caller gets `undefined`. */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
}

export interface ApiClient {
  request<T>(method: HttpMethod, path: string, options?: RequestOptions<T>): Promise<T>;
  get<T>(path: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T>;
  post<T>(path: string, body?: unknown, schema?: z.ZodType<T>): Promise<T>;
}

/** Builds the request headers: JSON in and out, and the CSRF token on every unsafe method. Pure. */
export function buildHeaders(method: string, cookieHeader: string, hasBody: boolean): Headers {
  const headers = new Headers({ accept: 'application/json' });
  if (hasBody) headers.set('content-type', 'application/json');
  if (needsCsrfToken(method)) {
    const token = readCookie(cookieHeader, CSRF_COOKIE);
    if (token !== undefined) headers.set(CSRF_HEADER, token);
  }
  return headers;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function createApiClient(deps: ApiClientDeps = {}): ApiClient {
  const doFetch = deps.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const readCookies = deps.readCookies ?? (() => (typeof document === 'undefined' ? '' : document.cookie));

  async function send(method: HttpMethod, path: string, body: unknown, signal?: AbortSignal) {
    const hasBody = body !== undefined;
    try {
      return await doFetch(path, {
        method,
        credentials: 'same-origin',
        headers: buildHeaders(method, readCookies(), hasBody),
        body: hasBody ? JSON.stringify(body) : undefined,
        signal,
      });
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError(0, NETWORK_ERROR, 'Lantern could not reach the server.', { cause: String(cause) });
    }
  }

  async function request<T>(method: HttpMethod, path: string, options: RequestOptions<T> = {}): Promise<T> {
    let response = await send(method, path, options.body, options.signal);
    // The CSRF cookie arrives with the first response; if an unsafe request went out before any
    // response (a fresh tab submitting at once), fetch the cookie with a safe request and retry once.
    if (
      response.status === 403 &&
      needsCsrfToken(method) &&
      readCookie(readCookies(), CSRF_COOKIE) === undefined
    ) {
      await send('GET', '/api/health', undefined, options.signal);
      response = await send(method, path, options.body, options.signal);
    }
    const body = await readJson(response);
    if (!response.ok) throw toApiError(response.status, body);
    if (options.schema === undefined) return undefined as T;
    const parsed = options.schema.safeParse(body);
    if (!parsed.success) {
      throw new ApiError(response.status, INVALID_RESPONSE, `Unexpected answer from ${path}.`, {
        issues: parsed.error.issues,
      });
    }
    return parsed.data;
  }

  return {
    request,
    get: (path, schema, signal) => request('GET', path, { schema, signal }),
    post: (path, body, schema) => request('POST', path, { body, schema }),
  };
}

/** The client the app uses: same-origin, cookies from the document. */
export const api = createApiClient();
