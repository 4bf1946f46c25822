import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { COMMS_DESTROYED_RULE } from '#shared/contracts/comms';
import { buildTestApp, type TestClient } from '../../../../../test/app';
import { openTestDatabase } from '../../../../../test/db';
import type { Database } from '../../../db/client';
import { auditEvents } from '../../../platform/audit/audit.schema';
import { systemClock } from '../../../platform/clock';
import { openCommsServices } from '../comms-services';
import { completeDestructions } from '../use-cases/destroy-dataset';
import { emailNetworkFile, importEnded, signedIn, upload } from '../comms.test-support';

let database: Database;
let app: FastifyInstance;
let dataDir: string;
let spoc: TestClient;
let otherSpoc: TestClient;
let analyst: TestClient;
beforeAll(async () => {
  database = await openTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'lantern-comms-destroy-'));
  app = await buildTestApp(database, undefined, { LANTERN_DATA_DIR: dataDir });
  spoc = (await signedIn(app, database.db, ['comms-spoc'])).client;
  otherSpoc = (await signedIn(app, database.db, ['comms-spoc'])).client;
  analyst = (await signedIn(app, database.db, ['analyst'])).client;
});
afterAll(async () => {
  await app.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const filesOf = (id: string) => readdirSync(join(dataDir, 'comms')).filter((n) => n.startsWith(`${id}.`));

it("destroys a dataset's records with a recorded reason; the row stays and every use of the data is refused", async () => {
  const created = await spoc.request('POST', '/api/comms/datasets', {
    name: `to-destroy-${Date.now()}`,
    provider: 'SNAP',
    authorisationRef: 'IPA/TEST/DESTROY',
    authorisedFrom: '2003-10-01T00:00:00Z',
    authorisedTo: '2004-06-30T23:59:59Z',
  });
  const d = `/api/comms/datasets/${created.json().id}`;
  const id: string = created.json().id;
  const records = Buffer.concat([readFileSync(emailNetworkFile), Buffer.from('7 8 not-a-time\r\n')]);
  const started = await upload(app, spoc, `${d}/imports?profile=snap-temporal`, records);
  expect(await importEnded(spoc, started.json().importId)).toMatchObject({ status: 'done' });
  expect((await spoc.request('POST', `${d}/chain`, { seeds: ['1'] })).statusCode).toBe(200);
  // The DuckDB file, the graph snapshot and the rejects file are all named after the dataset.
  expect(filesOf(id).map((n) => n.replace(/^[^.]+\./, ''))).toEqual(
    expect.arrayContaining([
      'duckdb',
      expect.stringMatching(/^v\d+\.csr$/),
      expect.stringMatching(/rejects\.csv$/),
    ]),
  );
  const [history] = (await spoc.request('GET', `${d}/imports`)).json().items;
  expect(history.result.firstRejects).toHaveLength(1);

  const reason = 'Retention period ended; no longer needed for operation KESTREL';
  expect((await analyst.request('POST', `${d}/destroy`, { reason })).statusCode).toBe(403);
  expect((await otherSpoc.request('POST', `${d}/destroy`, { reason })).statusCode).toBe(404);
  const short = await spoc.request('POST', `${d}/destroy`, { reason: 'no' });
  expect(short.statusCode).toBe(400);
  expect(JSON.stringify(short.json().error)).toContain('give the reason for the destruction');
  expect(filesOf(id).length).toBeGreaterThan(0); // refused: nothing deleted

  const destroyed = await spoc.request('POST', `${d}/destroy`, { reason });
  expect(destroyed.statusCode).toBe(200);
  expect(destroyed.json()).toMatchObject({
    status: 'destroyed',
    counts: { records: 83024, rejected: 1 },
    destroyed: { reason, by: expect.any(String), at: expect.any(String) },
  });
  expect(filesOf(id)).toEqual([]);
  expect((await spoc.request('GET', d)).json()).toMatchObject({ status: 'destroyed', destroyed: { reason } });
  // The history keeps the counts; the rejected lines (acquired data) are gone with the rest.
  const [after] = (await spoc.request('GET', `${d}/imports`)).json().items;
  expect(after.result).toMatchObject({ read: 83084, rejected: 1, firstRejects: [] });

  for (const res of [
    await spoc.request('POST', `${d}/chain`, { seeds: ['1'] }),
    await spoc.request('GET', `${d}/stats`),
    await upload(app, spoc, `${d}/imports?profile=snap-temporal`, records),
    await upload(app, spoc, `${d}/cell-sites`, Buffer.from('cell_id,lat,lon\nC1,51.5,-0.1\n')),
    await spoc.request('POST', `${d}/destroy`, { reason }),
  ]) {
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ details: { rule: COMMS_DESTROYED_RULE } });
    expect(res.json().error.message).toContain('was destroyed on');
  }
  expect(filesOf(id)).toEqual([]); // the refused import wrote nothing
  const audit = await database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'comms.dataset.destroy'), eq(auditEvents.recordId, id)));
  expect(audit).toHaveLength(1);

  // A process killed between marking the row and deleting the files: the next start finishes it.
  writeFileSync(join(dataDir, 'comms', `${id}.duckdb`), 'left behind');
  const services = openCommsServices(database, systemClock, dataDir);
  try {
    await completeDestructions(services);
  } finally {
    await services.close();
  }
  expect(filesOf(id)).toEqual([]);
});
