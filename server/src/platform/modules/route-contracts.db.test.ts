import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/app';
import { openTestDatabase } from '../../../../test/db';
import type { Database } from '../../db/client';

// CONVENTIONS rule 13: every API route says what it does (an OpenAPI summary) and declares the
// schema of its answer (what is not in it is never sent, and the web and CLI read typed answers).
// The routes are found in the route catalogue of an app with every module on, and looked up in
// the OpenAPI document the app serves, so a route registered any way at all is checked: the
// platform's, and every module's (the optional reference module turned on).

interface Operation {
  summary?: string;
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

let database: Database;
let app: FastifyInstance;
let dataDir: string;
beforeAll(async () => {
  database = await openTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'lantern-route-contracts-'));
  app = await buildTestApp(database, undefined, { LANTERN_DATA_DIR: dataDir }, { fixtureModule: true });
});
afterAll(async () => {
  await app.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** What is wrong with a route's operation in the OpenAPI document, if anything. */
function gapsOf(operation: Operation | undefined): string[] {
  if (!operation) return ['not in the OpenAPI document'];
  const gaps: string[] = [];
  if (!operation.summary?.trim()) gaps.push('no summary');
  const success = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
  const described = success.some(
    ([status, response]) =>
      status === '204' || Object.values(response.content ?? {}).some((c) => c.schema !== undefined),
  );
  if (!described) gaps.push('no 2xx response schema');
  return gaps;
}

describe('route contracts', () => {
  it('every API route has a summary and a 2xx response schema in the OpenAPI document', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { paths: Record<string, Record<string, Operation>> };
    const routes = app.routeCatalog.filter(
      (r) =>
        r.url.startsWith('/api/') &&
        r.method !== 'HEAD' &&
        r.method !== 'OPTIONS' &&
        !r.url.startsWith('/api/docs') &&
        r.url !== '/api/openapi.json',
    );
    for (const prefix of ['/api/auth/', '/api/admin/', '/api/comms/', '/api/fixture/'])
      expect(
        routes.some((r) => r.url.startsWith(prefix)),
        prefix,
      ).toBe(true);
    const faults: string[] = [];
    for (const route of routes) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      const gaps = gapsOf(doc.paths[path]?.[route.method.toLowerCase()]);
      if (gaps.length > 0) faults.push(`${route.method} ${route.url}: ${gaps.join(', ')}`);
    }
    expect(faults).toEqual([]);
  });
});
