import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { appPerFile } from '../../../../../test/app';
import { type Database, migrationsFolder } from '../../../db/client';
import { insertCompartment } from '../../../platform/access/access.repo';
import { compartments } from '../../../platform/access/access.schema';
import { insertDataset } from '../comms.repo';
import { createTestDataset, signedIn } from '../comms.test-support';

let database: Database;
let app: FastifyInstance;

appPerFile((t) => ({ database, app } = t));

async function compartmentOf(id: string) {
  const rows = await database.db.select().from(compartments).where(eq(compartments.id, id));
  return rows[0]!;
}

// Rule 17: the administrator manages compartments but may not read the records in them, so a
// compartment made for a record must not carry the record's name or its authorisation reference.
describe("a dataset's compartment names nothing of the dataset", () => {
  it('the admin reads no dataset name or authorisation reference in compartments, users or memberships', async () => {
    const { client: analyst, user } = await signedIn(app, database.db, ['analyst']);
    const name = `NAME-CANARY-${randomUUID()}`;
    const authorisationRef = `REF-CANARY-${randomUUID()}`;
    const created = await analyst.request('POST', '/api/comms/datasets', {
      name,
      provider: 'X',
      authorisationRef,
      authorisedFrom: '2024-01-01T00:00:00Z',
      authorisedTo: '2024-12-31T23:59:59Z',
      classification: 'OFFICIAL',
    });
    expect(created.statusCode, created.body).toBe(201);
    const dataset = created.json();
    const byConsole = await createTestDataset(database, 'NAME-CANARY-CONSOLE');

    const { client: admin } = await signedIn(app, database.db, ['admin']);
    const views = [
      await admin.request('GET', '/api/admin/compartments'),
      await admin.request('GET', '/api/admin/users'),
      await admin.request('GET', `/api/admin/users/${user.id}`),
    ];
    for (const view of views) {
      expect(view.statusCode).toBe(200);
      expect(view.body).not.toContain('NAME-CANARY');
      expect(view.body).not.toContain('REF-CANARY');
      expect(view.body).not.toContain('IPA/TEST/2024');
    }
    const listed = views[0]!.json().compartments as { id: string; name: string; description: string }[];
    expect(listed.find((c) => c.id === dataset.compartmentId)).toMatchObject({
      name: `dataset ${dataset.id.slice(0, 8)}`,
      description: '',
    });
    expect(listed.find((c) => c.id === byConsole.compartmentId)).toMatchObject({
      name: `dataset ${byConsole.id.slice(0, 8)}`,
      description: '',
    });
    const memberships = views[2]!.json().user.memberships as { compartmentName: string }[];
    expect(memberships.map((m) => m.compartmentName)).toEqual([`dataset ${dataset.id.slice(0, 8)}`]);
  });

  it('a migration renames the compartments of datasets created before, and nothing else', async () => {
    const suffix = randomUUID();
    const legacy = await insertCompartment(database.db, {
      kind: 'dataset',
      name: `Comms dataset: OLD-CANARY-${suffix}`,
      description: `Communications data acquired under REF-CANARY-${suffix}`,
    });
    const row = await insertDataset(database.db, {
      name: `OLD-CANARY-${suffix}`,
      provider: 'X',
      authorisationRef: `REF-CANARY-${suffix}`,
      authorisedFrom: new Date('2024-01-01T00:00:00Z'),
      authorisedTo: new Date('2024-12-31T23:59:59Z'),
      classification: 'OFFICIAL',
      compartmentId: legacy.id,
    });
    // Compartments an administrator made by hand keep the names they were given.
    const byHand = await insertCompartment(database.db, { kind: 'dataset', name: `Bulk data ${suffix}` });
    const operation = await insertCompartment(database.db, { kind: 'fixture', name: `Op ${suffix}` });

    const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    };
    const entry = journal.entries.find((e) => e.tag.endsWith('_opaque-record-compartments'));
    expect(entry, 'the migration is in the journal').toBeDefined();
    const file = readFileSync(join(migrationsFolder, `${entry!.tag}.sql`), 'utf8');
    // Run again on rows made in the old way: it must be safe to run on any installation.
    for (const statement of file.split('--> statement-breakpoint')) {
      if (statement.trim()) await database.db.execute(sql.raw(statement));
    }

    expect(await compartmentOf(legacy.id)).toMatchObject({
      name: `dataset ${row.id.slice(0, 8)}`,
      description: '',
    });
    expect((await compartmentOf(byHand.id)).name).toBe(`Bulk data ${suffix}`);
    expect((await compartmentOf(operation.id)).name).toBe(`Op ${suffix}`);
  });
});
