import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { RouteEntry } from '#server/platform/http/route-access';
import { exampleOf, type JsonSchema } from '#server/platform/http/hostile-input.test-support';
import type { TestClient } from '../app';
import type { ProbeFixture } from './probe-fixture';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What the matrix does with a route: probe a record in it, leave it to the write oracles, or compare a list. */
export type RouteKind = 'record' | 'write' | 'list' | 'membership-list';

export interface ModuleRoute {
  /** `METHOD /api/url/:param`, as probe fixtures name routes. */
  key: string;
  route: RouteEntry;
  fixture: ProbeFixture;
  kind: RouteKind;
  /** The route's path parameters that take a record id. */
  recordParams: string[];
}

interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export const routeKey = (route: Pick<RouteEntry, 'method' | 'url'>) => `${route.method} ${route.url}`;

/**
 * The routes of every module, classified by the module's probe fixture, and every route no
 * fixture covers (a module without one, a path parameter it does not name, a non-GET route that is
 * neither a record route nor a declared write), each named with what is missing.
 */
export function classifyRoutes(
  catalog: readonly RouteEntry[],
  modules: readonly string[],
  fixtures: readonly ProbeFixture[],
): { routes: ModuleRoute[]; uncovered: string[] } {
  const routes: ModuleRoute[] = [];
  const uncovered: string[] = [];
  for (const route of catalog) {
    if (route.method === 'HEAD' || route.method === 'OPTIONS') continue;
    const module = modules.find((m) => route.url === `/api/${m}` || route.url.startsWith(`/api/${m}/`));
    if (!module) continue;
    const key = routeKey(route);
    const fixture = fixtures.find((f) => f.module === module);
    if (!fixture) {
      uncovered.push(`${key}: module '${module}' has no probe fixture (test/matrix/probe-fixtures.ts)`);
      continue;
    }
    const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    const unnamed = params.filter(
      (p) => !fixture.recordParams.includes(p) && !(p in (fixture.fixedParams ?? {})),
    );
    if (unnamed.length > 0) {
      uncovered.push(`${key}: path parameter ${unnamed.join(', ')} is neither a record parameter nor fixed`);
      continue;
    }
    const recordParams = params.filter((p) => fixture.recordParams.includes(p));
    const kind: RouteKind | undefined =
      recordParams.length > 0
        ? 'record'
        : key in fixture.writes
          ? 'write'
          : key in (fixture.membershipLists ?? {})
            ? 'membership-list'
            : route.method === 'GET'
              ? 'list'
              : undefined;
    if (!kind) {
      uncovered.push(
        `${key}: not a record route, a list or a write declared in the '${module}' probe fixture`,
      );
      continue;
    }
    routes.push({ key, route, fixture, kind, recordParams });
  }
  return { routes, uncovered };
}

/** The OpenAPI operation of every route, by route key. */
export async function openApiOperations(app: FastifyInstance): Promise<Map<string, Operation>> {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, Operation>>;
  };
  const operations = new Map<string, Operation>();
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, operation] of Object.entries(methods))
      operations.set(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, operation);
  return operations;
}

/** A valid request for a route: its path with `params`, its required query, a body built from its schema. */
export interface BuiltRequest {
  method: Method;
  path: string;
  query: Record<string, unknown>;
  body: unknown;
}

export function buildRequest(
  target: ModuleRoute,
  operation: Operation | undefined,
  params: Record<string, string>,
  extraQuery: Record<string, string> = {},
): BuiltRequest {
  const named = { ...target.fixture.named };
  const all = { ...target.fixture.fixedParams, ...params };
  const path = target.route.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(all[name]!));
  const query: Record<string, unknown> = {};
  for (const p of operation?.parameters ?? [])
    if (p.in === 'query' && p.required) query[p.name] = exampleOf(p.schema, named, p.name);
  Object.assign(query, extraQuery);
  const json = operation?.requestBody?.content['application/json'];
  const body = json ? exampleOf(json.schema, named) : undefined;
  return { method: target.route.method as Method, path, query, body };
}

/** Whether the route's list can be searched (`q`), so a search for the canary is probed too. */
export function searchable(operation: Operation | undefined): boolean {
  return (operation?.parameters ?? []).some((p) => p.in === 'query' && p.name === 'q');
}

/** Sends a built request as `client` (through the fixture's own sender where it has one). */
export function sendRequest(
  client: TestClient,
  target: ModuleRoute,
  built: BuiltRequest,
): Promise<LightMyRequestResponse> {
  const sender = target.fixture.send?.[target.key];
  if (sender) return sender(client, built.path);
  const search = new URLSearchParams(
    Object.entries(built.query).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
  ).toString();
  return client.request(built.method, search ? `${built.path}?${search}` : built.path, built.body);
}
