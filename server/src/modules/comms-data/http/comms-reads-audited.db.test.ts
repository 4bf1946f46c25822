import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { appPerFile } from '../../../../../test/app';
import type { Database } from '../../../db/client';
import { addMemberships } from '../../../platform/access/access.factory';
import { auditEvents } from '../../../platform/audit/audit.schema';
import { insertImport } from '../imports.repo';
import { createTestDataset, signedIn } from '../comms.test-support';

let database: Database;
let app: FastifyInstance;

appPerFile((t) => ({ database, app } = t));

async function eventsOf(actorId: string, action: string) {
  const rows = await database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.actorId, actorId), eq(auditEvents.action, action)));
  return rows.map((r) => ({ recordType: r.recordType, recordId: r.recordId, fields: r.fields }));
}

// Rule 5: reads of sensitive records are audited, in the transaction that reads them.
describe('reads of a dataset are audited', () => {
  it('the list, the page, the import history and an import: who read which record, field names only', async () => {
    const dataset = await createTestDataset(database, 'audited-read');
    const other = await createTestDataset(database, 'audited-read-out-of-reach');
    const { client, user } = await signedIn(app, database.db, ['analyst']);
    await addMemberships(database.db, user.id, [dataset.compartmentId]);
    const history = await insertImport(database.db, {
      datasetId: dataset.id,
      profileId: 'generic',
      files: [{ name: 'calls.csv', bytes: 10 }],
      startedBy: null,
    });

    expect((await client.request('GET', '/api/comms/datasets')).statusCode).toBe(200);
    expect((await client.request('GET', `/api/comms/datasets/${dataset.id}`)).statusCode).toBe(200);
    expect((await client.request('GET', `/api/comms/datasets/${dataset.id}/imports`)).statusCode).toBe(200);
    expect((await client.request('GET', `/api/comms/imports/${history.id}`)).statusCode).toBe(200);

    const list = await eventsOf(user.id, 'comms.dataset.list');
    expect(list).toEqual([{ recordType: 'comms_dataset', recordId: dataset.id, fields: expect.any(Array) }]);
    expect(list[0]!.recordId).not.toContain(other.id);
    expect(await eventsOf(user.id, 'comms.dataset.read')).toEqual([
      { recordType: 'comms_dataset', recordId: dataset.id, fields: expect.arrayContaining(['name']) },
    ]);
    expect(await eventsOf(user.id, 'comms.import.list')).toEqual([
      { recordType: 'comms_dataset', recordId: dataset.id, fields: expect.arrayContaining(['files']) },
    ]);
    expect(await eventsOf(user.id, 'comms.import.read')).toEqual([
      { recordType: 'comms_import', recordId: history.id, fields: expect.arrayContaining(['files']) },
    ]);
    const all = await database.db.select().from(auditEvents).where(eq(auditEvents.actorId, user.id));
    const text = JSON.stringify(all.map((e) => e.fields));
    expect(text).not.toContain(dataset.name);
    expect(text).not.toContain('calls.csv');
    expect(text).not.toContain('IPA/TEST/2024');
  });

  it('a read that cannot be audited is not answered', async () => {
    const dataset = await createTestDataset(database, 'unaudited-read');
    const { client, user } = await signedIn(app, database.db, ['analyst']);
    await addMemberships(database.db, user.id, [dataset.compartmentId]);
    const history = await insertImport(database.db, {
      datasetId: dataset.id,
      profileId: 'generic',
      files: [{ name: 'calls.csv', bytes: 10 }],
      startedBy: null,
    });
    await database.db.execute(sql`
      CREATE FUNCTION fail_dataset_read_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action IN ('comms.dataset.list', 'comms.dataset.read', 'comms.import.list', 'comms.import.read')
        THEN RAISE EXCEPTION 'audit store down'; END IF; RETURN NEW; END $$`);
    await database.db.execute(
      sql`CREATE TRIGGER fail_dataset_read_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION fail_dataset_read_audit()`,
    );
    try {
      for (const url of [
        '/api/comms/datasets',
        `/api/comms/datasets/${dataset.id}`,
        `/api/comms/datasets/${dataset.id}/imports`,
        `/api/comms/imports/${history.id}`,
      ]) {
        const res = await client.request('GET', url);
        expect(res.statusCode, url).toBe(500);
        expect(res.body).not.toContain(dataset.name);
        expect(res.body).not.toContain('calls.csv');
      }
    } finally {
      await database.db.execute(sql`DROP TRIGGER fail_dataset_read_audit ON audit_events`);
      await database.db.execute(sql`DROP FUNCTION fail_dataset_read_audit()`);
    }
    expect((await client.request('GET', `/api/comms/datasets/${dataset.id}`)).json().name).toBe(dataset.name);
  });
});
