import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Marking } from '#shared/contracts/markings';
import { type Role, roles } from '#shared/contracts/roles';
import { manifestNamed, rolesGrant } from '#shared/modules/index';
import type { Database } from '#server/db/client';
import { systemClock } from '#server/platform/clock';
import { codeAt } from '#server/platform/auth/mfa/mfa-test-helpers';
import { serverModules } from '#server/modules/index';
import type { Permission } from '#server/platform/auth/permissions';
import { buildTestApp, contextOf, TestClient, testPassword } from '../../app';
import type { ProbeFixture, ProbeKit, ProbeUser } from '../../matrix/probe-fixture';
import { probeFixtures } from '../../matrix/probe-fixtures';
import { rolesHoldingAll } from '../../matrix/oracles';
import { classifyRoutes, openApiOperations, routeKey } from '../../matrix/route-probes';
import type { RouteEntry } from '#server/platform/http/route-access';
import { signedIn } from '../../signed-in';

// The world the fuzzer runs in: an app with every module (the reference module on), a record of
// every module made through its probe fixture (test/matrix), and for each route a signed-in user
// who holds the route's permission and is read into those records, with a value for every path
// parameter. A route with a path parameter nothing fills is named, never skipped.

const CAVEAT = 'UK EYES ONLY';
const marking: Marking = { classification: 'SECRET', caveats: [CAVEAT] };

type Operations = Awaited<ReturnType<typeof openApiOperations>>;

/** One route as the fuzzer calls it. */
export interface Target {
  key: string;
  route: RouteEntry;
  params: Record<string, string>;
  named: Record<string, unknown>;
  /** A fresh session that may call the route (a fresh user, or the module's record owner). */
  client: () => Promise<TestClient>;
  /** Runs after the others of its module: it ends the record (destroy, close, delete). */
  destroys: boolean;
  /** A file upload's body as the module's probe fixture sends it (the query is fuzzed around it). */
  upload?: { body: Buffer; contentType: string };
}

/** What a probe fixture's sender uploads, and the query it adds, caught by a client that sends nothing. */
async function caughtUpload(fixture: ProbeFixture, key: string) {
  const sender = fixture.send?.[key];
  if (!sender) return undefined;
  let caught: { url: string; body: Buffer; contentType: string } | undefined;
  const recorder = {
    upload: async (url: string, body: Buffer, contentType = 'text/csv') => {
      caught = { url, body, contentType };
      return {} as never;
    },
  } as unknown as TestClient;
  await sender(recorder, '/caught');
  if (!caught) return undefined;
  const query = Object.fromEntries(new URLSearchParams(caught.url.split('?')[1] ?? ''));
  return { upload: { body: caught.body, contentType: caught.contentType }, query };
}

export interface World {
  app: FastifyInstance;
  operations: Operations;
  targets: Target[];
  /** Routes with a body or query that nothing can call, each with why. */
  unreachable: string[];
  close(): Promise<void>;
}

async function sessionOf(app: FastifyInstance, username: string): Promise<TestClient> {
  const client = new TestClient(app);
  const res = await client.signIn(username);
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username}: ${res.statusCode} ${res.body}`);
  return client;
}

function roleFor(permission: Permission): Role | undefined {
  return (
    roles.find((r) => r !== 'admin' && rolesGrant([r], permission)) ??
    roles.find((r) => rolesGrant([r], permission))
  );
}

/** Whether the route takes a body or a query (what the fuzzer generates). */
export function fuzzable(route: RouteEntry): boolean {
  return Boolean(route.schemas.body || route.schemas.querystring);
}

/**
 * The world for `database`. `allRoutes`: every API route, those with only path parameters too
 * (what the hostile-string test probes); by default the routes with a body or a query.
 */
export async function buildWorld(database: Database, options: { allRoutes?: boolean } = {}): Promise<World> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lantern-fuzz-'));
  const app = await buildTestApp(database, undefined, { LANTERN_DATA_DIR: dataDir }, { fixtureModule: true });
  await app.ready();
  const kit: ProbeKit = { app, database, ctx: contextOf(app) };
  const operations = await openApiOperations(app);
  const api = app.routeCatalog.filter(
    (r) =>
      r.url.startsWith('/api/') &&
      !r.url.startsWith('/api/docs') &&
      r.method !== 'HEAD' &&
      r.method !== 'OPTIONS' &&
      (options.allRoutes || fuzzable(r)),
  );
  const { routes: moduleRoutes, uncovered } = classifyRoutes(
    api,
    serverModules.map((m) => m.manifest.name),
    probeFixtures,
  );
  const targets: Target[] = [];
  const unreachable = [...uncovered];

  // Module routes: as the owner of a record the module's probe fixture made.
  const owners = new Map<
    ProbeFixture,
    { owner: ProbeUser; params: Record<string, string>; compartmentId: string }
  >();
  for (const fixture of probeFixtures) {
    const manifest = manifestNamed(fixture.module);
    if (!manifest) throw new Error(`probe fixture for an unknown module '${fixture.module}'`);
    const owner = await signedIn(app, database.db, rolesHoldingAll(manifest), {
      clearance: 'TOP SECRET',
      caveats: [CAVEAT],
    });
    const record = await fixture.create(kit, owner, marking, 'FUZZ');
    owners.set(fixture, {
      owner,
      params: { ...fixture.fixedParams, ...record.params },
      compartmentId: record.compartmentId,
    });
  }
  for (const m of moduleRoutes) {
    const { owner, params, compartmentId } = owners.get(m.fixture)!;
    const caught = await caughtUpload(m.fixture, m.key);
    targets.push({
      key: m.key,
      route: m.route,
      params,
      // A new record goes in the compartment the owner's record is in (the owner is read into it).
      named: { compartmentId, ...m.fixture.named, ...caught?.query },
      ...(caught ? { upload: caught.upload } : {}),
      client: () => sessionOf(app, owner.user.username),
      destroys: (m.fixture.destroys ?? []).includes(m.key),
    });
  }

  // Platform routes: a fresh user holding the route's permission, and platform records for its path.
  const modules = serverModules.map((m) => `/api/${m.manifest.name}`);
  const admin = await signedIn(app, database.db, ['admin'], { clearance: 'TOP SECRET' });
  const subject = await signedIn(app, database.db, ['handler'], { clearance: 'SECRET' });
  const compartment = await admin.client.request('POST', '/api/admin/compartments', {
    kind: 'fixture',
    name: 'fuzz compartment',
  });
  if (compartment.statusCode !== 201) throw new Error(`fuzz compartment: ${compartment.body}`);
  const shared: Record<string, string> = {
    userId: subject.user.id,
    compartmentId: compartment.json().compartment.id,
  };
  for (const route of api) {
    if (modules.some((m) => route.url === m || route.url.startsWith(`${m}/`))) continue;
    const key = routeKey(route);
    const access = route.access;
    if (!access) {
      unreachable.push(`${key}: declares no access rule`);
      continue;
    }
    const role = 'permission' in access ? roleFor(access.permission) : 'handler';
    if (!role) {
      unreachable.push(`${key}: no role holds its permission`);
      continue;
    }
    const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    // A personal access token's id: one the route's user makes when its session starts.
    const token = route.url.startsWith('/api/auth/tokens/:id');
    const missing = names.filter((n) => !(n in shared) && !(token && n === 'id'));
    if (missing.length > 0) {
      unreachable.push(
        `${key}: no value for the path parameter ${missing.join(', ')} (test/verification/fuzz/world.ts)`,
      );
      continue;
    }
    const params: Record<string, string> = { ...shared };
    const user = await signedIn(app, database.db, [role], { clearance: 'TOP SECRET', caveats: [CAVEAT] });
    const named: Record<string, unknown> = { userId: subject.user.id };
    // Sign-in takes the user's own credentials; elsewhere a username is a new one (no clash).
    if (key === 'POST /api/auth/sign-in')
      Object.assign(named, { username: user.user.username, password: testPassword });
    targets.push({
      key,
      route,
      params,
      named,
      client: async () => {
        const client = await sessionOf(app, user.user.username);
        if (token) {
          const made = await client.request('POST', '/api/auth/tokens', {
            name: 'fuzz token',
            expiresInDays: 30,
          });
          params.id = (made.json() as { token: { id: string } }).token.id;
        }
        // Two-step verification: confirm needs a secret enrolled, disable one confirmed; the code is current.
        if (key.startsWith('POST /api/auth/mfa/totp/')) {
          const { secret } = (await client.request('POST', '/api/auth/mfa/totp/enrol')).json() as {
            secret: string;
          };
          named.code = codeAt(secret, systemClock);
          if (key.endsWith('/disable')) {
            await client.request('POST', '/api/auth/mfa/totp/confirm', { code: named.code });
            named.code = codeAt(secret, systemClock, 1);
          }
        }
        return client;
      },
      destroys: false,
    });
  }
  // Destroying routes last, so the others reach a live record.
  targets.sort((a, b) => Number(a.destroys) - Number(b.destroys));
  return {
    app,
    operations,
    targets,
    unreachable,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
