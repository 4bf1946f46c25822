import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { DestinationStream } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { openAuditKeys } from '#server/platform/audit/checkpoints';
import { FileKeyProvider } from '#server/platform/crypto/index';
import { openTestDatabase } from './db';
import { buildApp } from '#server/app';
import { loadConfig } from '#server/config';
import type { Database } from '#server/db/client';
import type { AppContext } from '#server/app-context';
import { type Clock, systemClock } from '#server/platform/clock';

export const testPassword = 'correct horse battery staple';

export async function buildTestApp(
  database: Database,
  clock: Clock = systemClock,
  env: Record<string, string> = {},
  options: { fixtureModule?: boolean; logStream?: DestinationStream } = {},
): Promise<FastifyInstance> {
  // Tests sign in often from one address; the throttle has its own test with a low limit.
  const config = loadConfig({
    LANTERN_ENV: 'test',
    ...(options.fixtureModule ? { LANTERN_MODULES: 'fixture' } : {}),
    LANTERN_DATA_DIR: '/tmp/lantern-test-unused',
    LANTERN_SIGN_IN_ATTEMPTS_PER_MINUTE: '10000',
    ...env,
  });
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-test-keys-'));
  const keys = FileKeyProvider.open(keyDir);
  const ctx: AppContext = {
    config: { ...config, keyDir },
    database,
    clock,
    keys,
    auditKeys: openAuditKeys(keyDir),
  };
  const app = await buildApp(ctx, {
    // No log output unless a test captures it (the production logger options, to this stream).
    ...(options.logStream ? { logStream: options.logStream } : { logger: false }),
  });
  contexts.set(app, ctx);
  return app;
}

const contexts = new WeakMap<FastifyInstance, AppContext>();

/**
 * What a test app was built from (database, clock, master keys): for factories that make rows
 * through a module's use cases, as its routes would, without going through HTTP.
 */
export function contextOf(app: FastifyInstance): AppContext {
  const ctx = contexts.get(app);
  if (!ctx) throw new Error('not an app made by buildTestApp');
  return ctx;
}

/**
 * One test database and app for the whole test file: opened before its tests, closed after them.
 * `opened` hands them to the file's variables: `appPerFile((t) => ({ database, app } = t), clock)`.
 */
export function appPerFile(
  opened: (t: { database: Database; app: FastifyInstance }) => void,
  clock: Clock = systemClock,
  env: Record<string, string> = {},
  options: { fixtureModule?: boolean } = {},
): void {
  let t: { database: Database; app: FastifyInstance } | undefined;
  beforeAll(async () => {
    const database = await openTestDatabase();
    t = { database, app: await buildTestApp(database, clock, env, options) };
    opened(t);
  });
  afterAll(async () => {
    await t?.app.close();
    await t?.database.close();
  });
}

/** A cookie jar for app.inject: remembers cookies and sends the CSRF header like the web client. */
export class TestClient {
  private cookies = new Map<string, string>();

  constructor(private readonly app: FastifyInstance) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    const csrf = this.cookies.get('lantern_csrf');
    if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
    const response = await this.app.inject({
      method,
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
    this.remember(response);
    return response;
  }

  /** Sends `body` as the raw request body (a file upload), with the session and CSRF headers. */
  async upload(url: string, body: Buffer, contentType = 'text/csv') {
    const csrf = this.cookies.get('lantern_csrf') ?? '';
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': csrf,
        'content-type': contentType,
      },
      payload: body,
    });
    this.remember(response);
    return response;
  }

  async signIn(username: string, password = testPassword) {
    if (!this.cookies.has('lantern_csrf')) await this.request('GET', '/api/health');
    return this.request('POST', '/api/auth/sign-in', { username, password });
  }

  private remember(response: LightMyRequestResponse) {
    for (const c of response.cookies) {
      // clearCookie sends an empty value dated 1970; other dates follow the app's (possibly fixed) clock.
      if (c.value === '' || c.expires?.getTime() === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }
}
