import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { appPerFile, buildTestApp, testPassword } from '../../../../test/app';
import type { Database } from '../../db/client';
import { buildUser } from '../auth/user.factory';
import { requiresDeclaredAccess } from './route-access';

let database: Database;
let app: FastifyInstance;

appPerFile((t) => ({ database, app } = t));

describe('HTTP edge', () => {
  it('reports health with the engine in use', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: database.engine, version: expect.any(String) });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('answers malformed JSON with 400 and no stack trace', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "x",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code: 'MALFORMED_REQUEST', message: 'The body is not valid JSON.' },
    });
  });

  it('refuses unknown fields (strict schemas) naming the field', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'x', password: 'y', isAdmin: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.message).toContain('isAdmin');
  });

  it('names the missing field', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].path).toBe('body.password');
  });

  it('answers a body over the limit with 413', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x', password: 'y'.repeat(2_000_000) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/xml' },
      payload: '<x/>',
    });
    expect(res.statusCode).toBe(415);
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/no-such-thing?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No route GET /api/no-such-thing.' } });
  });

  it('answers a path the router cannot take in the same error shape, without quoting it', async () => {
    for (const url of ['/api/comms/profiles/%ED%A0%80', `/api/comms/profiles/${'p'.repeat(101)}`]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ error: { code: 'MALFORMED_REQUEST', message: expect.any(String) } });
      expect(res.body).not.toContain('profiles');
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('serves OpenAPI JSON describing the auth routes', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/sign-in', '/api/health']));
    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });

  it('every API route declares a permission or is explicitly public', () => {
    const apiRoutes = app.routeCatalog.filter((r) => requiresDeclaredAccess(r.url));
    expect(apiRoutes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['POST /api/auth/sign-in', 'GET /api/auth/me', 'GET /api/health']),
    );
    for (const route of apiRoutes) {
      const access = route.access as Record<string, unknown> | undefined;
      expect(
        access?.public === true || typeof access?.permission === 'string',
        `${route.method} ${route.url}`,
      ).toBe(true);
    }
  });

  it('refuses at start-up to register an API route without an access rule', async () => {
    const probe = await buildTestApp(database);
    expect(() => probe.get('/api/forgotten', async () => ({}))).toThrow(/declares no access rule/);
    await probe.close();
  });

  it('closes gracefully: a request already in flight still gets its answer', async () => {
    const server = await buildTestApp(database);
    let arrived: () => void = () => {};
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    server.addHook('preHandler', async () => arrived());
    await server.listen({ port: 0, host: '127.0.0.1' });
    const address = server.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const user = await buildUser(database.db);
    const inFlight = fetch(`http://127.0.0.1:${port}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username, password: testPassword }),
    });
    await arrival; // the request is inside the server, about to spend ~50 ms in argon2
    const closed = server.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    // The answer tells the client to drop its keep-alive connection, so close() need not wait for it.
    expect(response.headers.get('connection')).toBe('close');
    await closed;
  });
});
