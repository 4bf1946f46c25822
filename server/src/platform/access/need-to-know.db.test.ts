import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TestClient } from '../../../../test/app';
import { openTestDatabase } from '../../../../test/db';
import type { Database } from '../../db/client';
import { buildUser } from '../auth/user.factory';
import { addMemberships, buildCompartment } from './access.factory';
import { deleteMember } from './access.repo';

let database: Database;
let app: FastifyInstance;
const clients: Record<string, TestClient> = {};
const ids: Record<string, string> = {};
const userIds: Record<string, string> = {};
let compartmentA = '';

// Who may see which record: stated by hand, not derived from the code under test.
const expectedVisible: Record<string, string[]> = {
  alice: ['r1', 'r2'], // handler in A, SECRET + UK EYES ONLY
  bob: ['r3'], // handler in B
  carol: ['r1'], // analyst in A, cleared only to OFFICIAL
  dave: ['r1'], // in A, TOP SECRET but without the UK EYES ONLY caveat
  ivy: ['r1', 'r2', 'r3'], // inspector in A and B: sees, never changes
  adam: [], // admin: manages users, reads nothing — holds no fixture permission at all (403)
};
/** Administration without access: the admin is refused the module's routes before any record is looked at. */
const withoutPermission = new Set(['adam']);
const personas = Object.keys(expectedVisible);
const records = ['r1', 'r2', 'r3'];
const marker = (record: string) => `LEAKMARK-${record}`;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, undefined, {}, { fixtureModule: true });
  const [a, b] = [await buildCompartment(database.db), await buildCompartment(database.db)];
  compartmentA = a.id;
  const people = {
    alice: { roles: ['handler'], clearance: 'SECRET', caveats: ['UK EYES ONLY'], in: [a.id] },
    bob: { roles: ['handler'], clearance: 'SECRET', caveats: ['UK EYES ONLY'], in: [b.id] },
    carol: { roles: ['analyst'], clearance: 'OFFICIAL', caveats: [], in: [a.id] },
    dave: { roles: ['handler'], clearance: 'TOP SECRET', caveats: [], in: [a.id] },
    ivy: { roles: ['inspector'], clearance: 'TOP SECRET', caveats: ['UK EYES ONLY'], in: [a.id, b.id] },
    adam: { roles: ['admin'], clearance: 'TOP SECRET', caveats: ['UK EYES ONLY'], in: [] },
  } as const;
  for (const [name, p] of Object.entries(people)) {
    const user = await buildUser(database.db, {
      roles: [...p.roles],
      clearance: p.clearance,
      caveats: [...p.caveats],
    });
    await addMemberships(database.db, user.id, [...p.in]);
    userIds[name] = user.id;
    clients[name] = new TestClient(app);
    expect((await clients[name].signIn(user.username)).statusCode).toBe(200);
  }
  const create = async (who: string, key: string, body: Record<string, unknown>) => {
    const res = await clients[who]!.request('POST', '/api/fixture/records', {
      ...body,
      reference: `REF-${key.toUpperCase()}`,
      title: `${marker(key)} title`,
      secret: `${marker(key)} secret`,
    });
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().id;
  };
  await create('alice', 'r1', { compartmentId: a.id, classification: 'OFFICIAL' });
  await create('alice', 'r2', { compartmentId: a.id, classification: 'SECRET', caveats: ['UK EYES ONLY'] });
  await create('bob', 'r3', { compartmentId: b.id, classification: 'OFFICIAL' });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

function leakedMarkers(persona: string, body: string): string[] {
  return records.filter((r) => !expectedVisible[persona]!.includes(r) && body.includes(marker(r)));
}

describe('need-to-know', () => {
  it('answers 404 for records out of reach on every record route, 403 only where visible but not allowed', async () => {
    for (const persona of personas) {
      for (const record of records) {
        const visible = expectedVisible[persona]!.includes(record);
        const denied = withoutPermission.has(persona);
        const hidden = denied ? 403 : 404;
        const client = clients[persona]!;
        const url = `/api/fixture/records/${ids[record]}`;
        expect((await client.request('GET', url)).statusCode, `${persona} GET ${record}`).toBe(
          visible ? 200 : hidden,
        );
        expect((await client.request('GET', `${url}/secret`)).statusCode, `${persona} secret ${record}`).toBe(
          visible ? 200 : hidden,
        );
        const patch = await client.request('PATCH', url, { title: `${marker(record)} title` });
        const expected = !visible ? hidden : persona === 'ivy' ? 403 : 200;
        expect(patch.statusCode, `${persona} PATCH ${record}`).toBe(expected);
        if (!visible || persona === 'ivy') {
          expect((await client.request('DELETE', url)).statusCode, `${persona} DELETE ${record}`).toBe(
            visible ? 403 : hidden,
          );
        }
      }
    }
  });

  it('lists, searches, counts and exports only what each persona may see', async () => {
    for (const persona of personas) {
      const client = clients[persona]!;
      if (withoutPermission.has(persona)) {
        for (const url of [
          '/api/fixture/records',
          '/api/fixture/records/count',
          '/api/fixture/records/export',
        ])
          expect((await client.request('GET', url)).statusCode, `${persona} ${url}`).toBe(403);
        continue;
      }
      const list = (await client.request('GET', '/api/fixture/records')).json();
      const seen = list.items.map((item: { id: string }) => item.id).sort();
      expect(seen, persona).toEqual(expectedVisible[persona]!.map((r) => ids[r]).sort());
      expect(list.total, persona).toBe(expectedVisible[persona]!.length);
      const search = (await client.request('GET', '/api/fixture/records?q=LEAKMARK-r2')).json();
      expect(search.total, persona).toBe(expectedVisible[persona]!.includes('r2') ? 1 : 0);
      const count = (await client.request('GET', '/api/fixture/records/count?q=LEAKMARK')).json();
      expect(count.count, persona).toBe(expectedVisible[persona]!.length);
      const exported = (await client.request('GET', '/api/fixture/records/export')).json();
      expect(exported.records.length, persona).toBe(expectedVisible[persona]!.length);
    }
  });

  it('leaks nothing on any route: every route × persona × record, 0 leaks', async () => {
    const leaks: string[] = [];
    let calls = 0;
    const routes = app.routeCatalog.filter(
      (r) => r.url.startsWith('/api/') && r.method === 'GET' && !r.url.startsWith('/api/docs'),
    );
    for (const route of routes) {
      for (const persona of personas) {
        for (const record of records) {
          const url = route.url.replace(/:[A-Za-z]+/g, ids[record]!);
          const res = await clients[persona]!.request('GET', url);
          calls++;
          for (const leaked of leakedMarkers(persona, res.body)) leaks.push(`${persona} ${url} → ${leaked}`);
        }
      }
    }
    expect(calls).toBeGreaterThan(100);
    expect(leaks).toEqual([]);
  });

  it('keeps each concurrent request in its own security context (PGlite is one connection)', async () => {
    const rounds = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 'alice' : 'bob'));
    const results = await Promise.all(
      rounds.map(async (persona) => ({
        persona,
        items: (await clients[persona]!.request('GET', '/api/fixture/records')).json().items as {
          id: string;
        }[],
      })),
    );
    for (const { persona, items } of results) {
      expect(items.map((i) => i.id).sort(), persona).toEqual(
        expectedVisible[persona]!.map((r) => ids[r]).sort(),
      );
    }
    // The context was transaction-local: nothing lingers on the connection afterwards.
    const rows = await database.db.execute(
      sql`select coalesce(current_setting('lantern.actor_id', true), '') as actor`,
    );
    const row =
      (rows as unknown as { rows: { actor: string }[] }).rows?.[0] ??
      (rows as unknown as { actor: string }[])[0];
    expect(row?.actor ?? '').toBe('');
  });

  it('a removed membership takes effect on the next request', async () => {
    const client = clients.carol!;
    expect((await client.request('GET', `/api/fixture/records/${ids.r1}`)).statusCode).toBe(200);
    await deleteMember(database.db, compartmentA, userIds.carol!);
    expect((await client.request('GET', `/api/fixture/records/${ids.r1}`)).statusCode).toBe(404);
    expect((await client.request('GET', '/api/fixture/records')).json().total).toBe(0);
  });

  it('refuses to create a record in a compartment one is not read into, as if it did not exist', async () => {
    const res = await clients.bob!.request('POST', '/api/fixture/records', {
      compartmentId: compartmentA,
      classification: 'OFFICIAL',
      reference: 'REF-BOB',
      title: 'x',
      secret: 'y',
    });
    expect(res.statusCode).toBe(404);
  });

  it('fails a sensitive read when its audit event cannot be written', async () => {
    await database.db.execute(sql`
      CREATE FUNCTION fail_secret_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'fixture.read-secret' THEN RAISE EXCEPTION 'audit store down'; END IF; RETURN NEW; END $$`);
    await database.db.execute(
      sql`CREATE TRIGGER fail_secret_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION fail_secret_audit()`,
    );
    try {
      const res = await clients.alice!.request('GET', `/api/fixture/records/${ids.r1}/secret`);
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain(marker('r1'));
    } finally {
      await database.db.execute(sql`DROP TRIGGER fail_secret_audit ON audit_events`);
    }
    const res = await clients.alice!.request('GET', `/api/fixture/records/${ids.r1}/secret`);
    expect(res.json().secret).toBe(`${marker('r1')} secret`);
  });
});
