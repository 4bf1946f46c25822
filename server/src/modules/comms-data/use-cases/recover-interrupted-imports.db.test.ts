import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from '../../../../../test/app';
import { openTestDatabase } from '../../../../../test/db';
import type { Database } from '../../../db/client';
import { auditEvents } from '../../../platform/audit/audit.schema';
import { systemClock } from '../../../platform/clock';
import { consoleScope } from '../../../platform/request-scope';
import { findDatasetById, updateDataset } from '../comms.repo';
import { openCommsServices } from '../comms-services';
import { findImport, insertImport, listImports } from '../imports.repo';
import { INTERRUPTED_ERROR } from './recover-interrupted-imports';
import { createTestDataset } from '../comms.test-support';
import { writeGenericCsv } from '../store/fixtures/test-helpers.js';
import { importDatasetFiles } from './import-dataset-files';

/** The console: the installation's operator, as the CLI and the system act. */
const operator = consoleScope(systemClock);

let database: Database;
let dataDir: string;
beforeAll(async () => {
  database = await openTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'lantern-comms-recover-'));
});
afterAll(async () => {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const dataset = (name: string) => createTestDataset(database, name);

it('a server start gives a dataset left "importing" by a killed process its state back from its file', async () => {
  const held = await dataset('held');
  const elsewhere = await dataset('elsewhere');
  const file = await writeGenericCsv(dataDir, 'calls.csv', [
    'voice,07700900123,07700900456,2024-03-01T10:00:00Z,60,C1,,',
    'sms,07700900456,07700900789,2024-03-01T10:05:00Z,,C1,,',
  ]);
  const services = openCommsServices(database, systemClock, dataDir);
  await importDatasetFiles(
    services,
    {
      datasetId: held.id,
      files: [file],
      profile: 'generic',
    },
    operator,
  );
  const before = await findDatasetById(database.db, held.id);
  await services.close();
  const [done] = await listImports(database.db, held.id);
  expect(done).toMatchObject({ status: 'done', profileId: 'generic', files: [{ name: file }] });
  const killed = await insertImport(database.db, {
    datasetId: held.id,
    profileId: 'generic',
    files: [{ name: file, bytes: 1 }],
    startedBy: null,
  });
  // What a process killed in its next import leaves: the file as it was, the row "importing".
  await updateDataset(database.db, held.id, { status: 'importing', records: 0, numbers: 0, pairs: 0 });
  await updateDataset(database.db, elsewhere.id, { status: 'importing' });

  const app = await buildTestApp(database, undefined, { LANTERN_DATA_DIR: dataDir });
  await app.close();

  expect(await findDatasetById(database.db, held.id)).toEqual(before);
  // No file in this data directory: another installation's import, not this process's to undo.
  expect((await findDatasetById(database.db, elsewhere.id))?.status).toBe('importing');
  const audit = await database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'comms.import.abandoned'), eq(auditEvents.recordId, held.id)));
  expect(audit).toHaveLength(1);
  expect(await findImport(database.db, killed.id)).toMatchObject({
    status: 'interrupted',
    error: INTERRUPTED_ERROR,
    finishedAt: expect.any(Date),
  });
  expect(await findImport(database.db, done!.id)).toEqual(done); // an ended import stays as it was
  // And the dataset takes imports again.
  const again = openCommsServices(database, systemClock, dataDir);
  try {
    const more = await writeGenericCsv(dataDir, 'more.csv', [
      'voice,07700900123,07700900789,2024-03-02T10:00:00Z,5,C2,,',
    ]);
    await importDatasetFiles(again, { datasetId: held.id, files: [more], profile: 'generic' }, operator);
    expect(await findDatasetById(database.db, held.id)).toMatchObject({ status: 'ready', records: 3 });
  } finally {
    await again.close();
  }
});
