import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { sourceRules, sourceView } from '#shared/contracts/sources';
import type { Database } from '#server/db/client';
import { auditEvents } from '#server/platform/audit/audit.schema';
import type { UserRow } from '#server/platform/auth/auth.schema';
import { appPerFile, type TestClient } from '../../../../test/app';
import { signedIn } from '../../../../test/signed-in';

let database: Database;
let app: FastifyInstance;
appPerFile((t) => ({ database, app } = t));

interface Person {
  user: UserRow;
  client: TestClient;
}
let handler: Person;
let controller: Person;
let ao: Person;
let keeper: Person;
let secondHandler: Person;
let admin: Person;
let sourceId = '';
let authorisationId = '';
const TRUE_NAME = 'Marjorie Quill-Ashdown';
const PSEUDONYM = 'ROUTE HARRIER';

const ok = (res: { statusCode: number; body: string }, status = 200) => {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
  return JSON.parse(res.body);
};

beforeAll(async () => {
  const as = (role: Parameters<typeof signedIn>[2][number]) => signedIn(app, database.db, [role]);
  [handler, controller, ao, keeper, secondHandler] = await Promise.all([
    as('handler'),
    as('controller'),
    as('authorising-officer'),
    as('record-keeper'),
    as('handler'),
  ]);
  admin = await signedIn(app, database.db, ['admin'], { clearance: 'TOP SECRET' });
  // The second handler has a source of their own: their lists are not empty, just without ours.
  ok(
    await secondHandler.client.request('POST', '/api/sources', {
      classification: 'SECRET',
      pseudonym: 'OTHER ONE',
      type: 'member-of-public',
    }),
    201,
  );
  const created = ok(
    await handler.client.request('POST', '/api/sources', {
      classification: 'SECRET',
      pseudonym: PSEUDONYM,
      type: 'member-of-public',
    }),
    201,
  );
  sourceId = created.id;
  const h = handler.client;
  const url = `/api/sources/${sourceId}`;
  for (const [role, who] of [
    ['controller', controller],
    ['record-keeper', keeper],
    ['authorising-officer', ao],
  ] as const)
    ok(await h.request('POST', `${url}/roles`, { role, userId: who.user.id }), 201);
  ok(
    await h.request('PUT', `${url}/identity`, {
      name: TRUE_NAME,
      dateOfBirth: '1979-02-03',
      addresses: ['14 Larch Row, Easthaven'],
    }),
  );
  const requested = ok(
    await h.request('POST', `${url}/approach-requests`, {
      rationale: 'Well placed.',
      risk: 'Low.',
      bonaFides: 'Agreed phrase.',
    }),
    201,
  );
  ok(
    await ao.client.request('POST', `${url}/approach-requests/${requested.approachRequests[0].id}/decision`, {
      decision: 'approve',
      reasons: 'Justified; the risk is low.',
    }),
  );
  ok(
    await h.request('POST', `${url}/recruitment`, {
      recruitedOn: new Date().toISOString().slice(0, 10),
      circumstances: 'Met at a neutral venue.',
      motivation: 'Wants the dealing to stop.',
      volunteers: true,
    }),
  );
  const applied = ok(
    await h.request('POST', `${url}/authorisations`, {
      ground: 'crime-or-disorder',
      necessity: 'n',
      proportionality: 'p',
      purpose: 'pu',
      operation: 'OPERATION ROUTE',
      conduct: 'c',
      collateralIntrusion: 'ci',
      collateralJustification: 'cj',
    }),
    201,
  );
  authorisationId = applied.authorisations[0].id;
}, 120_000);

describe('sources routes', () => {
  it('takes an application to a grant through the AO, who sees it in their queue with its clock', async () => {
    const queue = ok(await ao.client.request('GET', '/api/sources/queue'));
    expect(queue.items).toContainEqual(
      expect.objectContaining({ kind: 'application', sourceId, id: authorisationId, mayDecide: true }),
    );
    const own = ok(
      await handler.client.request(
        'POST',
        `/api/sources/${sourceId}/authorisations/${authorisationId}/decision`,
        {
          decision: 'grant',
          reasons: 'mine',
        },
      ),
      403,
    );
    expect(own.error.code).toBe('FORBIDDEN'); // the handler holds no sources:authorise permission
    const granted = ok(
      await ao.client.request('POST', `/api/sources/${sourceId}/authorisations/${authorisationId}/decision`, {
        decision: 'grant',
        reasons: 'Necessary and proportionate.',
      }),
    );
    expect(sourceView.parse(granted)).toMatchObject({
      status: 'authorised',
      flags: { authorisationInForce: true },
    });
    expect(granted.authorisations[0]).toMatchObject({ state: 'granted', decidedBy: { id: ao.user.id } });
  });

  it('reads the vault for the handler, audited before the value leaves; never sends it elsewhere', async () => {
    const view = ok(await handler.client.request('GET', `/api/sources/${sourceId}/identity`));
    expect(view).toMatchObject({ access: 'role', identity: { name: TRUE_NAME, dateOfBirth: '1979-02-03' } });
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, sourceId), eq(auditEvents.action, 'sources.identity.read')));
    expect(events.map((e) => e.actorId)).toContain(handler.user.id);
    for (const path of ['', '/officers'])
      expect((await handler.client.request('GET', `/api/sources/${sourceId}${path}`)).body).not.toContain(
        TRUE_NAME,
      );
  });

  it('answers the record keeper 404 on the vault until a second officer approves their break-glass', async () => {
    const url = `/api/sources/${sourceId}`;
    ok(await keeper.client.request('GET', `${url}/identity`), 404);
    const asked = ok(
      await keeper.client.request('POST', `${url}/break-glass`, { reason: 'The handler is unreachable.' }),
      201,
    );
    const request = asked.breakGlass[0];
    const self = ok(
      await keeper.client.request('POST', `${url}/break-glass/${request.id}/decision`, {
        decision: 'approve',
      }),
      422,
    );
    expect(self.error.details.rule).toBe(sourceRules.breakGlass);
    const approved = ok(
      await controller.client.request('POST', `${url}/break-glass/${request.id}/decision`, {
        decision: 'approve',
      }),
    );
    expect(approved.alerts).toContainEqual(
      expect.objectContaining({ kind: 'break-glass', subjectId: request.id }),
    );
    const read = ok(await keeper.client.request('GET', `${url}/identity`));
    expect(read).toMatchObject({ access: 'break-glass', identity: { name: TRUE_NAME } });
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.recordId, sourceId), eq(auditEvents.action, 'sources.identity.read-break-glass')),
      );
    expect(events.map((e) => e.actorId)).toEqual([keeper.user.id]);
  });

  it('tells a second handler nothing: 404 on every record route, nothing in lists, counts or alerts', async () => {
    const other = secondHandler.client;
    const list = ok(await other.request('GET', '/api/sources'));
    expect(list.total).toBe(1);
    expect(JSON.stringify(list)).not.toContain(sourceId);
    expect(ok(await other.request('GET', `/api/sources/count?q=${encodeURIComponent('HARRIER')}`))).toEqual({
      count: 0,
    });
    expect(JSON.stringify(ok(await other.request('GET', '/api/sources/alerts')))).not.toContain(sourceId);
    const records = app.routeCatalog.filter(
      (r) => r.url.startsWith('/api/sources/:id') && r.method !== 'HEAD',
    );
    expect(records.length).toBeGreaterThan(25);
    for (const route of records) {
      const url = route.url
        .replace(':id', sourceId)
        .replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const res = await other.request(route.method as 'GET', url, route.method === 'GET' ? undefined : {});
      // Validation runs first for an empty body (400 naming fields, never the record); else 404 or 403.
      expect([400, 403, 404], `${route.method} ${route.url}: ${res.body}`).toContain(res.statusCode);
      expect(res.body).not.toContain(PSEUDONYM);
      if (res.statusCode === 404) expect(res.json().error.message).toBe('Source not found.');
    }
  });

  it('keeps the source out of another reader’s central record and CSV export, and lists it for its own', async () => {
    const inspector = await signedIn(app, database.db, ['inspector']);
    const empty = ok(await inspector.client.request('GET', '/api/sources/central-record'));
    expect(empty.items.map((r: { sourceId: string }) => r.sourceId)).not.toContain(sourceId);
    const csv = await keeper.client.request('GET', '/api/sources/central-record/export');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(PSEUDONYM);
    expect(csv.body).not.toContain(TRUE_NAME);
    const page = ok(await keeper.client.request('GET', '/api/sources/central-record'));
    expect(page.items).toContainEqual(
      expect.objectContaining({ sourceId, urgency: 'routine', juvenile: false }),
    );
    const inspectorCsv = await inspector.client.request('GET', '/api/sources/central-record/export');
    expect(inspectorCsv.body).not.toContain(PSEUDONYM);
  });

  it('refuses the administrator every sources route, the vault included (administration without access)', async () => {
    const routes = app.routeCatalog.filter((r) => r.url.startsWith('/api/sources') && r.method !== 'HEAD');
    for (const route of routes) {
      const url = route.url
        .replace(':id', sourceId)
        .replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const res = await admin.client.request(
        route.method as 'GET',
        url,
        route.method === 'GET' ? undefined : {},
      );
      expect([400, 403], `${route.method} ${route.url}`).toContain(res.statusCode);
      expect(res.body).not.toContain(TRUE_NAME);
    }
    const vault = await admin.client.request('GET', `/api/sources/${sourceId}/identity`);
    expect(vault.statusCode).toBe(403);
  });
});
