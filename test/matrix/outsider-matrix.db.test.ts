import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Marking } from '#shared/contracts/markings';
import { manifestNamed } from '#shared/modules/index';
import type { Database } from '#server/db/client';
import { serverModules } from '#server/modules/index';
import { addMemberships } from '#server/platform/access/access.factory';
import { buildTestApp, contextOf } from '../app';
import { openTestDatabase } from '../db';
import { signedIn } from '../signed-in';
import { hasCanary, median, normalised, rolesHoldingAll, timed } from './oracles';
import type { ProbeFixture, ProbeKit, ProbeRecord, ProbeUser } from './probe-fixture';
import { probeFixtures } from './probe-fixtures';
import {
  buildRequest,
  classifyRoutes,
  type ModuleRoute,
  openApiOperations,
  searchable,
  sendRequest,
} from './route-probes';

// The outsider matrix (ADR 0022), generated from app.routeCatalog: every route of every module is
// probed by people who hold every permission of the module but may not see its hidden records —
// one not read into the compartment, one read in below the record's classification, one read in
// without its caveat — and by the administrator, who holds no module permission. Besides the read
// (404, answered exactly as for an unknown id), it tries the other ways existence leaks: lists and
// counts, a unique-name clash, error messages, timing, and compartment names shown to the admin.
// Every answer is scanned for the canary each hidden record carries in every string it stores.

const CAVEAT = 'UK EYES ONLY';
const hiddenMarking: Marking = { classification: 'SECRET', caveats: [CAVEAT] };

interface Outsider {
  kind: 'not read in' | 'lower clearance' | 'missing caveat';
  who: ProbeUser;
  readIn: boolean;
  /** How the outsider marks records of their own: within their reach, out of the other outsiders'. */
  own: Marking;
}

interface World {
  fixture: ProbeFixture;
  canary: string;
  owner: ProbeUser;
  outsiders: Outsider[];
  hidden: ProbeRecord;
  control: ProbeRecord;
  /** Each outsider's answers to the module's lists before the hidden records existed. */
  before: Map<string, string>;
}

let database: Database;
let app: FastifyInstance;
let dataDir: string;
let kit: ProbeKit;
let admin: ProbeUser;
let routes: ModuleRoute[] = [];
let uncovered: string[] = [];
let operations: Awaited<ReturnType<typeof openApiOperations>>;
const worlds: World[] = [];
const run = { probes: 0, started: performance.now() };

function probe(who: ProbeUser, target: ModuleRoute, params: Record<string, string>, query = {}) {
  run.probes++;
  return sendRequest(who.client, target, buildRequest(target, operations.get(target.key), params, query));
}

const excerpt = (res: LightMyRequestResponse) => `${res.statusCode} ${res.body.slice(0, 200)}`;
const routesOf = (world: World, ...kinds: ModuleRoute['kind'][]) =>
  routes.filter((r) => r.fixture === world.fixture && kinds.includes(r.kind));
const unknownIds = (target: ModuleRoute) =>
  Object.fromEntries(target.recordParams.map((p) => [p, randomUUID()]));

/** Every list of the module as `who` sees it (with a search for the canary where a list searches). */
async function listAnswers(world: World, outsider: Outsider): Promise<Map<string, string>> {
  const answers = new Map<string, string>();
  for (const target of routesOf(world, 'list', 'membership-list')) {
    if (target.kind === 'membership-list' && outsider.readIn) continue;
    const queries = searchable(operations.get(target.key)) ? [{}, { q: world.canary }] : [{}];
    for (const query of queries) {
      const res = await probe(outsider.who, target, {}, query);
      answers.set(`${target.key} ${JSON.stringify(query)}`, `${res.statusCode} ${res.body}`);
    }
  }
  return answers;
}

async function outsidersFor(roles: ReturnType<typeof rolesHoldingAll>): Promise<Outsider[]> {
  const as = (markings: Parameters<typeof signedIn>[3]) => signedIn(app, database.db, roles, markings);
  return [
    {
      kind: 'not read in',
      who: await as({ clearance: 'TOP SECRET', caveats: [CAVEAT] }),
      readIn: false,
      own: { classification: 'OFFICIAL', caveats: [] },
    },
    {
      kind: 'lower clearance',
      who: await as({ clearance: 'OFFICIAL', caveats: [CAVEAT] }),
      readIn: true,
      own: { classification: 'OFFICIAL', caveats: [CAVEAT] },
    },
    {
      kind: 'missing caveat',
      who: await as({ clearance: 'TOP SECRET', caveats: [] }),
      readIn: true,
      own: { classification: 'TOP SECRET', caveats: [] },
    },
  ];
}

beforeAll(async () => {
  database = await openTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'lantern-matrix-'));
  app = await buildTestApp(database, undefined, { LANTERN_DATA_DIR: dataDir }, { fixtureModule: true });
  await app.ready();
  kit = { app, database, ctx: contextOf(app) };
  operations = await openApiOperations(app);
  ({ routes, uncovered } = classifyRoutes(
    app.routeCatalog,
    serverModules.map((m) => m.manifest.name),
    probeFixtures,
  ));
  admin = await signedIn(app, database.db, ['admin'], { clearance: 'TOP SECRET', caveats: [CAVEAT] });
  for (const fixture of probeFixtures) {
    const manifest = manifestNamed(fixture.module);
    if (!manifest) throw new Error(`probe fixture for an unknown module '${fixture.module}'`);
    const roles = rolesHoldingAll(manifest);
    const canary = `CANARY${randomBytes(5).toString('hex').toUpperCase()}`;
    const owner = await signedIn(app, database.db, roles, { clearance: 'TOP SECRET', caveats: [CAVEAT] });
    const outsiders = await outsidersFor(roles);
    const world = { fixture, canary, owner, outsiders } as World;
    const before = new Map<string, string>();
    for (const outsider of outsiders)
      for (const [k, v] of await listAnswers(world, outsider)) before.set(`${outsider.kind} ${k}`, v);
    world.before = before;
    world.hidden = await fixture.create(kit, owner, hiddenMarking, canary);
    world.control = await fixture.create(kit, owner, hiddenMarking, canary);
    for (const outsider of outsiders.filter((o) => o.readIn))
      await addMemberships(database.db, outsider.who.user.id, [world.hidden.compartmentId]);
    worlds.push(world);
  }
}, 300_000);

afterAll(async () => {
  const seconds = ((performance.now() - run.started) / 1000).toFixed(1);
  console.log(`outsider matrix: ${run.probes} probes over ${routes.length} module routes in ${seconds} s`);
  await app?.close();
  await database?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the outsider matrix', () => {
  it('covers every route of every module: a route no probe fixture covers fails here, named', () => {
    expect(uncovered).toEqual([]);
    for (const world of worlds)
      expect(routesOf(world, 'record').length, world.fixture.module).toBeGreaterThan(0);
  });

  it('answers outsiders 404 on every record route, exactly as for an unknown id; the owner is served', async () => {
    const faults: string[] = [];
    for (const world of worlds) {
      for (const target of routesOf(world, 'record')) {
        for (const { kind, who } of world.outsiders) {
          const hidden = await probe(who, target, world.hidden.params);
          const unknown = unknownIds(target);
          const other = await probe(who, target, { ...world.hidden.params, ...unknown });
          const label = `${kind}: ${target.key}`;
          if (hidden.statusCode !== 404) faults.push(`${label} answered ${excerpt(hidden)}`);
          const [a, b] = [
            normalised(hidden, Object.values(world.hidden.params)),
            normalised(other, Object.values(unknown)),
          ];
          if (a !== b) faults.push(`${label} tells a hidden id from an unknown one: ${a} / ${b}`);
          if (hasCanary(hidden.body, world.canary))
            faults.push(`${label} leaked the canary: ${excerpt(hidden)}`);
        }
      }
      // The owner's control: the same requests reach the record (not refused by validation or need-to-know).
      const destroys = new Set(world.fixture.destroys ?? []);
      const ordered = routesOf(world, 'record').sort(
        (x, y) => Number(destroys.has(x.key)) - Number(destroys.has(y.key)),
      );
      for (const target of ordered) {
        const res = await probe(world.owner, target, world.control.params);
        if (res.statusCode >= 400 && res.statusCode !== 409 && res.statusCode !== 422)
          faults.push(
            `owner's control ${target.key} answered ${excerpt(res)}: the probe is not a valid request`,
          );
      }
    }
    expect(faults).toEqual([]);
  });

  it('leaves every list and count an outsider sees as it was before the hidden records existed', async () => {
    const faults: string[] = [];
    for (const world of worlds) {
      for (const outsider of world.outsiders) {
        for (const [key, answer] of await listAnswers(world, outsider)) {
          const label = `${outsider.kind}: ${key}`;
          if (world.before.get(`${outsider.kind} ${key}`) !== answer)
            faults.push(`${label} changed: ${answer.slice(0, 200)}`);
          if (hasCanary(answer, world.canary)) faults.push(`${label} leaked the canary`);
        }
      }
      // And the lists do show the owner the records (else comparing them proves nothing).
      const seen = [];
      for (const target of routesOf(world, 'list'))
        seen.push(
          (
            await probe(
              world.owner,
              target,
              {},
              searchable(operations.get(target.key)) ? { q: world.canary } : {},
            )
          ).body,
        );
      if (!seen.some((body) => body.includes(world.hidden.params[world.fixture.recordParams[0]!]!)))
        faults.push(`${world.fixture.module}: no list shows its owner the hidden record`);
    }
    expect(faults).toEqual([]);
  });

  it('lets a unique-name clash with a hidden record tell nothing: answered as for a fresh name', async () => {
    const faults: string[] = [];
    for (const world of worlds) {
      for (const { kind, who, own } of world.outsiders) {
        const fresh = `FRESH-${randomBytes(4).toString('hex').toUpperCase()}`;
        const created = await world.fixture.createNamed(kit, who, fresh, world.hidden, own);
        const clash = await world.fixture.createNamed(kit, who, world.hidden.name, world.hidden, own);
        run.probes += 2;
        const label = `${world.fixture.module}, ${kind}`;
        if (created.statusCode !== clash.statusCode || created.statusCode >= 300)
          faults.push(`${label}: a fresh name ${excerpt(created)}, the hidden record's ${excerpt(clash)}`);
        if (hasCanary(clash.body, world.canary, [world.hidden.name]))
          faults.push(`${label}: ${excerpt(clash)}`);
      }
    }
    expect(faults).toEqual([]);
  });

  it('refuses the administrator every module route (403) and shows them no record name anywhere', async () => {
    const faults: string[] = [];
    for (const world of worlds) {
      for (const target of routesOf(world, 'record', 'list', 'membership-list', 'write')) {
        const unknown = unknownIds(target);
        const hidden = await probe(admin, target, world.hidden.params);
        const other = await probe(admin, target, { ...world.hidden.params, ...unknown });
        if (hidden.statusCode !== 403) faults.push(`admin: ${target.key} answered ${excerpt(hidden)}`);
        if (
          normalised(hidden, Object.values(world.hidden.params)) !== normalised(other, Object.values(unknown))
        )
          faults.push(`admin: ${target.key} tells a hidden id from an unknown one`);
      }
    }
    // What the admin does see — users, compartments, memberships, the audit trail — names no record.
    const platform = app.routeCatalog.filter(
      (r) => r.method === 'GET' && /^\/api\/(admin|audit)\//.test(r.url),
    );
    expect(platform.length).toBeGreaterThan(2);
    for (const world of worlds) {
      const values: Record<string, string> = {
        userId: world.owner.user.id,
        compartmentId: world.hidden.compartmentId,
      };
      for (const route of platform) {
        run.probes++;
        const url = route.url.replace(/:(\w+)/g, (_, name: string) => values[name] ?? randomUUID());
        const res = await admin.client.request('GET', url);
        if (res.statusCode !== 200) faults.push(`admin: GET ${url} answered ${excerpt(res)}`);
        for (const w of worlds)
          if (hasCanary(res.body, w.canary))
            faults.push(`admin: GET ${route.url} names a ${w.fixture.module} record`);
      }
    }
    expect(faults).toEqual([]);
  });

  it('takes as long to refuse a hidden id as an unknown one (median ratio within a factor of 2)', async () => {
    const rounds = 41;
    for (const world of worlds) {
      const target = routesOf(world, 'record').find((r) => r.route.method === 'GET')!;
      const outsider = world.outsiders[0]!.who;
      const unknown = { ...world.hidden.params, ...unknownIds(target) };
      const times = { hidden: [] as number[], unknown: [] as number[] };
      for (let i = 0; i < rounds + 5; i++) {
        // A pair back to back, alternating which goes first: the load of a shared machine changes
        // slowly, so it weighs on both alike and the pair's ratio stays fair.
        const pair = i % 2 === 0 ? (['hidden', 'unknown'] as const) : (['unknown', 'hidden'] as const);
        for (const which of pair) {
          const ms = await timed(() =>
            probe(outsider, target, which === 'hidden' ? world.hidden.params : unknown),
          );
          if (i >= 5) times[which].push(ms);
        }
      }
      const ratio = median(times.hidden.map((ms, i) => ms / times.unknown[i]!));
      console.log(
        `timing ${target.key}: hidden ${median(times.hidden).toFixed(2)} ms, unknown ${median(times.unknown).toFixed(2)} ms (medians), median ratio of ${rounds} pairs ${ratio.toFixed(2)}`,
      );
      expect(ratio, target.key).toBeGreaterThan(0.5);
      expect(ratio, target.key).toBeLessThan(2);
    }
  });
});
