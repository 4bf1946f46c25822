import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#server/db/client';
import { buildCompartment } from '#server/platform/access/access.factory';
import type { CompartmentRow } from '#server/platform/access/access.schema';
import { appPerFile, contextOf, type TestClient } from '../app';
import { signedIn } from '../signed-in';
import { fixtureRecordView } from './fixture.contract';
import { buildFixtureRecord, fixtureReference } from './fixture.factory';

let database: Database;
let app: FastifyInstance;
appPerFile((t) => ({ database, app } = t), undefined, {}, { fixtureModule: true });

let compartment: CompartmentRow;
let handler: TestClient;
let inspector: TestClient;

beforeAll(async () => {
  compartment = await buildCompartment(database.db, { kind: 'fixture' });
  handler = (await signedIn(app, database.db, ['handler'], { compartments: [compartment.id] })).client;
  inspector = (await signedIn(app, database.db, ['inspector'], { compartments: [compartment.id] })).client;
});

const create = (client: TestClient, overrides: Record<string, unknown> = {}) =>
  client.request('POST', '/api/fixture/records', {
    compartmentId: compartment.id,
    classification: 'OFFICIAL',
    reference: fixtureReference(),
    title: 'Meeting note',
    secret: 'true name',
    ...overrides,
  });

describe('fixture routes', () => {
  it('creates a record (201) answering its view with the creator’s abilities, and nothing more', async () => {
    const res = await create(handler);
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json();
    expect(Object.keys(view).sort()).toEqual(Object.keys(fixtureRecordView.shape).sort());
    expect(view.abilities).toEqual({ update: true, delete: true, readSecret: true });
    expect(res.body).not.toContain('true name');
  });

  it('shows the inspector the record with read abilities only, and refuses their changes with 403', async () => {
    const id = (await create(handler)).json().id;
    const seen = await inspector.request('GET', `/api/fixture/records/${id}`);
    expect(seen.json().abilities).toEqual({ update: false, delete: false, readSecret: true });
    expect((await inspector.request('PATCH', `/api/fixture/records/${id}`, { title: 'x' })).statusCode).toBe(
      403,
    );
    expect((await inspector.request('DELETE', `/api/fixture/records/${id}`)).statusCode).toBe(403);
    expect((await create(inspector)).statusCode).toBe(403);
  });

  it('renames and deletes (204), after which the record is not found', async () => {
    const id = (await create(handler)).json().id;
    const renamed = await handler.request('PATCH', `/api/fixture/records/${id}`, { title: 'Renamed' });
    expect(renamed.json()).toMatchObject({ id, title: 'Renamed' });
    const deleted = await handler.request('DELETE', `/api/fixture/records/${id}`);
    expect([deleted.statusCode, deleted.body]).toEqual([204, '']);
    expect((await handler.request('GET', `/api/fixture/records/${id}`)).statusCode).toBe(404);
  });

  it('refuses unknown fields, a bad reference and an unknown sort at the edge, naming the field', async () => {
    const extra = await create(handler, { createdBy: randomUUID() });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details.fields).toContainEqual(expect.objectContaining({ path: 'body' }));
    const bad = await create(handler, { reference: 'lower case' });
    expect(bad.json().error.details.fields).toContainEqual(
      expect.objectContaining({ path: 'body.reference' }),
    );
    const sort = await handler.request('GET', '/api/fixture/records?sort=secretEnc');
    expect(sort.json().error.details.fields).toContainEqual(
      expect.objectContaining({ path: 'querystring.sort' }),
    );
  });

  it('answers a used reference with 409 naming the field, so the form can show it', async () => {
    const reference = fixtureReference();
    expect((await create(handler, { reference })).statusCode).toBe(201);
    const clash = await create(handler, { reference });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatchObject({
      code: 'CONFLICT',
      details: { fields: [{ path: 'body.reference', message: 'already used by a record you can see' }] },
    });
  });

  it('lists the compartments one may create in: of the module’s kind, read into, and no other', async () => {
    await buildFixtureRecord(contextOf(app)); // another compartment, not the handler's
    const res = await handler.request('GET', '/api/fixture/compartments');
    expect(res.json()).toEqual({ items: [{ id: compartment.id, name: compartment.name }] });
  });

  it('pages, sorts and searches over HTTP with the shared pagination contract', async () => {
    const mine = await signedIn(app, database.db, ['analyst'], {
      compartments: [(await buildCompartment(database.db, { kind: 'fixture' })).id],
    });
    const own = mine.user;
    const built = await buildFixtureRecord(contextOf(app), { owner: own, title: 'zulu' });
    await buildFixtureRecord(contextOf(app), { owner: own, compartment: built.compartment, title: 'yankee' });
    const page = (await mine.client.request('GET', '/api/fixture/records?sort=title&limit=1')).json();
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 0, items: [{ title: 'yankee' }] });
    const search = (await mine.client.request('GET', '/api/fixture/records?q=ZUL')).json();
    expect(search.items.map((r: { title: string }) => r.title)).toEqual(['zulu']);
    expect((await mine.client.request('GET', '/api/fixture/records/count?q=ref')).json()).toEqual({
      count: 2,
    });
  });

  it('refuses the administrator every route with 403: administration without access', async () => {
    const { client: admin } = await signedIn(app, database.db, ['admin'], {
      clearance: 'TOP SECRET',
      compartments: [compartment.id],
    });
    const id = (await create(handler)).json().id;
    const fixtureRoutes = app.routeCatalog.filter(
      (r) => r.url.startsWith('/api/fixture/') && r.method !== 'HEAD',
    );
    expect(fixtureRoutes.length).toBeGreaterThanOrEqual(9);
    for (const route of fixtureRoutes) {
      const url = route.url.replace(':id', id);
      // Validation runs before the access rule: a valid request, so the answer is the rule's.
      const bodies: Record<string, unknown> = {
        POST: {
          compartmentId: compartment.id,
          classification: 'OFFICIAL',
          reference: 'REF-ADMIN',
          title: 't',
          secret: 's',
        },
        PATCH: { title: 'x' },
      };
      const res = await admin.request(route.method as 'GET', url, bodies[route.method]);
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });
});
