import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../../test/db';
import type { Database } from '../../../db/client';
import { systemClock } from '../../../platform/clock';
import { consoleScope } from '../../../platform/request-scope';
import { findDatasetById } from '../comms.repo';
import { type CommsServices, openCommsServices } from '../comms-services';
import { createTestDataset } from '../comms.test-support';
import { writeGenericCsv } from '../store/fixtures/test-helpers.js';
import { destroyDataset } from './destroy-dataset';
import { importDatasetFiles } from './import-dataset-files';

/** The console: the installation's operator, as the CLI and the system act. */
const operator = consoleScope(systemClock);

let database: Database;
let dataDir: string;
let services: CommsServices;
let file: string;
beforeAll(async () => {
  database = await openTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'lantern-comms-changes-'));
  services = openCommsServices(database, systemClock, dataDir);
  file = await writeGenericCsv(dataDir, 'calls.csv', [
    'voice,07700900123,07700900456,2024-03-01T10:00:00Z,60,C1,,',
  ]);
});
afterAll(async () => {
  await services.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const dataset = () => createTestDataset(database, 'changes');
const importOnce = (datasetId: string) =>
  importDatasetFiles(services, { datasetId, files: [file], profile: 'generic' }, operator);

it('of two imports started together into one dataset, one runs and the other is refused', async () => {
  const { id } = await dataset();
  const outcomes = await Promise.allSettled([importOnce(id), importOnce(id)]);
  expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
  const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
  expect(refused.reason).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('import') });
  expect(await findDatasetById(database.db, id)).toMatchObject({ status: 'ready', records: 1 });
});

it('an import and a destruction started together never both go ahead', async () => {
  const { id } = await dataset();
  const reason = 'Collateral data: destroy at once';
  const [imported, destroyed] = await Promise.allSettled([
    importOnce(id),
    destroyDataset(services, { datasetId: id, reason }, operator),
  ]);
  expect([imported.status, destroyed.status].sort()).toEqual(['fulfilled', 'rejected']);
  const row = await findDatasetById(database.db, id);
  if (destroyed.status === 'fulfilled') {
    expect(row?.status).toBe('destroyed');
    expect(readdirSync(join(dataDir, 'comms')).filter((n) => n.startsWith(`${id}.`))).toEqual([]);
  } else expect(row).toMatchObject({ status: 'ready', records: 1 });
});

it('a destruction asked for while an import runs is refused, and the import ends as it would have', async () => {
  const { id } = await dataset();
  let attempt: Promise<unknown> | undefined;
  await importDatasetFiles(
    services,
    {
      datasetId: id,
      files: [file],
      profile: 'generic',
      onProgress: () => {
        attempt ??= destroyDataset(
          services,
          { datasetId: id, reason: 'Retention period ended' },
          operator,
        ).catch((e: unknown) => e);
      },
    },
    operator,
  );
  expect(await attempt).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('import') });
  expect(await findDatasetById(database.db, id)).toMatchObject({ status: 'ready', records: 1 });
});
