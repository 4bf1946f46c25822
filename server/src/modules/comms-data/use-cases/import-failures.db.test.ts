import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImportPhaseName } from '#shared/contracts/comms';
import { openTestDatabase } from '../../../../../test/db';
import type { Database } from '../../../db/client';
import { systemClock } from '../../../platform/clock';
import { consoleScope } from '../../../platform/request-scope';
import { findDatasetById } from '../comms.repo';
import { type CommsServices, openCommsServices } from '../comms-services';
import { createTestDataset } from '../comms.test-support';
import { findImport, listImports } from '../imports.repo';
import { writeGenericCsv } from '../store/fixtures/test-helpers.js';
import { importDatasetFiles } from './import-dataset-files';

/** The console: the installation's operator, as the CLI and the system act. */
const operator = consoleScope(systemClock);

let database: Database;
let dataDir: string;
let services: CommsServices;
let calls: string;
/** A binary file (a zip's first bytes): its first line holds a NUL, its second invalid UTF-8. */
let binary: string;
beforeAll(async () => {
  database = await openTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'lantern-comms-failures-'));
  services = openCommsServices(database, systemClock, dataDir);
  calls = await writeGenericCsv(
    dataDir,
    'calls.csv',
    Array.from(
      { length: 3_000 },
      (_, i) => `voice,0770090${String(i).padStart(4, '0')},07700900999,2024-03-01T10:00:00Z,${i},,,`,
    ).concat(['voice,bad,07700900999,2024-03-01T10:00:00Z,1,,,']),
  );
  binary = join(dataDir, 'archive.csv');
  writeFileSync(
    binary,
    Buffer.from([
      0x50, 0x4b, 0x03, 0x04, 0x00, 0x1b, 0x41, 0x0a, 0x00, 0xff, 0x0a, 0x31, 0x20, 0x32, 0x20, 0x33, 0x0a,
    ]),
  );
});
afterAll(async () => {
  await services.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const dataset = () => createTestDataset(database, 'failures');

it('a file whose first line holds a NUL fails readably, frees the dataset and never stays running', async () => {
  const { id } = await dataset();
  const error = await importDatasetFiles(
    services,
    {
      datasetId: id,
      files: [binary],
      profile: 'generic',
    },
    operator,
  ).catch((e: unknown) => e);
  expect(error).toMatchObject({
    code: 'VALIDATION_FAILED',
    message: expect.stringContaining("no column 'type'"),
  });
  const [row] = await listImports(database.db, id);
  expect(row).toMatchObject({ status: 'failed', error: expect.stringContaining('PK\\x03\\x04\\x00\\x1bA') });
  expect([...(row?.error ?? '')].some((c) => c < ' ' && c !== '\n')).toBe(false);
  expect(await findDatasetById(database.db, id)).toMatchObject({ status: 'empty' });
  // The next import is not refused: nothing was left `importing`.
  const next = await importDatasetFiles(
    services,
    {
      datasetId: id,
      files: [calls],
      profile: 'generic',
    },
    operator,
  );
  expect(next.loaded).toBe(3_000);
});

it('stores rejected lines holding NUL and escapes printable, and the import ends done', async () => {
  const { id } = await dataset();
  const result = await importDatasetFiles(
    services,
    {
      datasetId: id,
      files: [binary],
      profile: 'snap-temporal',
    },
    operator,
  );
  // '1 2 3' reads as 2003, outside the test dataset's authorised 2024: out of scope, not loaded.
  expect(result).toMatchObject({ read: 3, loaded: 0, rejected: 2, outOfScope: 1 });
  const [row] = await listImports(database.db, id);
  expect(row?.status).toBe('done');
  const stored = JSON.stringify(row?.result);
  expect(stored).toContain('PK\\\\x03\\\\x04\\\\x00\\\\x1bA');
  expect(stored).not.toMatch(/\\u0000|\\u001b/);
});

const PHASES: ImportPhaseName[] = ['queued', 'read', 'validate', 'load', 'dedupe', 'index', 'rejects'];

it.each(PHASES)(
  'an import cancelled in its %s step ends cancelled, loads nothing and frees the dataset',
  async (phase) => {
    const { id } = await dataset();
    await importDatasetFiles(services, { datasetId: id, files: [calls], profile: 'generic' }, operator);
    const before = await findDatasetById(database.db, id);
    const controller = new AbortController();
    if (phase === 'queued') controller.abort(new Error('import cancelled'));
    const seen: string[] = [];
    const error = await importDatasetFiles(
      services,
      {
        datasetId: id,
        files: [calls],
        profile: 'generic',
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p.phase);
          if (p.phase === phase) controller.abort(new Error('import cancelled'));
        },
      },
      operator,
    ).catch((e: unknown) => e);
    if (phase !== 'queued') expect(seen).toContain(phase);
    expect(seen).not.toContain('commit');
    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(`cancelled during the ${phase} step`),
    });
    const [latest] = await listImports(database.db, id);
    expect(await findImport(database.db, latest!.id)).toMatchObject({ status: 'cancelled' });
    expect(await findDatasetById(database.db, id)).toMatchObject({
      status: 'ready',
      records: before!.records,
      dataVersion: before!.dataVersion,
    });
    expect((await services.store.dataset(id).stats()).records).toBe(before!.records);
  },
);

it('records outside the authorised period are counted apart, and the dataset counts agree with its stats', async () => {
  const { id } = await dataset(); // authorised over 2024
  const file = await writeGenericCsv(dataDir, 'scope.csv', [
    'voice,07700900001,07700900002,2024-06-01T10:00:00Z,60,,,',
    'voice,07700900001,07700900002,1970-01-01T00:00:00Z,60,,,',
  ]);
  const result = await importDatasetFiles(
    services,
    {
      datasetId: id,
      files: [file],
      profile: 'generic',
    },
    operator,
  );
  expect(result).toMatchObject({ read: 2, loaded: 1, outOfScope: 1 });
  const row = await findDatasetById(database.db, id);
  expect(row).toMatchObject({ records: 1, outOfScope: 1, rejected: 0 });
  expect((await services.store.dataset(id).stats()).records).toBe(row!.records);
  expect(result.warnings).toEqual([
    '1 record dated outside the authorised period (2024-01-01T00:00:00.000Z to 2024-12-31T23:59:59.000Z) was not loaded; it is listed in the rejects file',
  ]);
});
