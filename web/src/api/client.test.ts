import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, toApiError } from './api-error';
import { buildHeaders, createApiClient } from './client';
import { readCookie } from './cookies';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(responses: Response[]) {
  const calls: Call[] = [];
  const fetch: typeof globalThis.fetch = async (input, init = {}) => {
    calls.push({ url: String(input), init });
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    return next;
  };
  return { fetch, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('toApiError', () => {
  it('reads code, message and details from the error envelope', () => {
    const error = toApiError(400, {
      error: { code: 'VALIDATION_FAILED', message: 'Bad input.', details: { fields: [] } },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'Bad input.',
      details: { fields: [] },
    });
  });

  it('falls back to a code from the status when the body is not an envelope', () => {
    expect(toApiError(429, '<html>busy</html>')).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(toApiError(502, undefined)).toMatchObject({ code: 'INTERNAL', status: 502 });
    expect(toApiError(401, { error: { code: 'MFA_REQUIRED' } })).toMatchObject({
      code: 'MFA_REQUIRED',
      message: 'The server answered with status 401.',
    });
  });
});

describe('readCookie', () => {
  it('finds one cookie among several and decodes it', () => {
    expect(readCookie('a=1; lantern_csrf=abc%3D%3D; b=2', 'lantern_csrf')).toBe('abc==');
    expect(readCookie('xlantern_csrf=1', 'lantern_csrf')).toBeUndefined();
    expect(readCookie('', 'lantern_csrf')).toBeUndefined();
  });
});

describe('buildHeaders', () => {
  it('sends the CSRF token on unsafe methods only', () => {
    expect(buildHeaders('POST', 'lantern_csrf=t0k', true).get('x-csrf-token')).toBe('t0k');
    expect(buildHeaders('DELETE', 'lantern_csrf=t0k', false).get('x-csrf-token')).toBe('t0k');
    expect(buildHeaders('GET', 'lantern_csrf=t0k', false).get('x-csrf-token')).toBeNull();
  });

  it('declares JSON only when there is a body', () => {
    expect(buildHeaders('POST', '', true).get('content-type')).toBe('application/json');
    expect(buildHeaders('POST', '', false).get('content-type')).toBeNull();
  });
});

describe('createApiClient', () => {
  const user = z.object({ name: z.string() });

  it('posts JSON with same-origin credentials and the CSRF header, and validates the answer', async () => {
    const { fetch, calls } = fakeFetch([json(200, { name: 'Ada' })]);
    const client = createApiClient({ fetch, readCookies: () => 'lantern_csrf=xyz' });
    await expect(client.post('/api/things', { a: 1 }, user)).resolves.toEqual({ name: 'Ada' });
    const [call] = calls;
    expect(call?.init.credentials).toBe('same-origin');
    expect(call?.init.body).toBe('{"a":1}');
    expect(new Headers(call?.init.headers).get('x-csrf-token')).toBe('xyz');
  });

  it('throws ApiError with the server code on an error answer', async () => {
    const { fetch } = fakeFetch([
      json(401, { error: { code: 'INVALID_CREDENTIALS', message: 'Wrong username or password.' } }),
    ]);
    const client = createApiClient({ fetch, readCookies: () => '' });
    const failure = client.post('/api/auth/sign-in', { username: 'x', password: 'y' });
    await expect(failure).rejects.toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
  });

  it('returns undefined for 204 and refuses a 200 that breaks the contract', async () => {
    const { fetch } = fakeFetch([new Response(null, { status: 204 }), json(200, { nom: 'Ada' })]);
    const client = createApiClient({ fetch, readCookies: () => '' });
    await expect(client.post('/api/auth/sign-out')).resolves.toBeUndefined();
    await expect(client.get('/api/me', user)).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });

  it('maps a failed connection to NETWORK_ERROR', async () => {
    const fetch: typeof globalThis.fetch = async () => {
      throw new TypeError('fetch failed');
    };
    const client = createApiClient({ fetch, readCookies: () => '' });
    await expect(client.get('/api/health', user)).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('fetches the CSRF cookie and retries once when an unsafe request went out without it', async () => {
    let cookies = '';
    const { fetch, calls } = fakeFetch([
      json(403, { error: { code: 'CSRF_FAILED', message: 'Missing token.' } }),
      json(200, { status: 'ok' }),
      json(200, { name: 'Ada' }),
    ]);
    const client = createApiClient({
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (String(input) === '/api/health') cookies = 'lantern_csrf=fresh';
        return response;
      },
      readCookies: () => cookies,
    });
    await expect(client.post('/api/things', {}, user)).resolves.toEqual({ name: 'Ada' });
    expect(calls.map((call) => call.url)).toEqual(['/api/things', '/api/health', '/api/things']);
    expect(new Headers(calls[2]?.init.headers).get('x-csrf-token')).toBe('fresh');
  });
});
