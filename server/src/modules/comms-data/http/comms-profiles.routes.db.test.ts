import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestClient } from '../../../../../test/app';
import { openTestDatabase } from '../../../../../test/db';
import type { Database } from '../../../db/client';
import { auditEvents } from '../../../platform/audit/audit.schema';
import { importEnded, signedIn, upload } from '../comms.test-support';

let database: Database;
let app: FastifyInstance;
let dataDir: string;
let importer: TestClient;
let officer: TestClient;

/** A German operator's layout that no shipped profile reads: semicolons, split local date/time. */
const id = `de-operator-${randomUUID().slice(0, 8)}`;
const definition = {
  id,
  description: 'semicolons, dd.mm.yyyy in Europe/Berlin',
  csv: { delimiter: ';' },
  columns: { type: 'Art', a: 'Anrufer', b: 'Angerufener', date: 'Datum', time: 'Uhrzeit', duration: 'Dauer' },
  time: { kind: 'format', format: '%d.%m.%Y %H:%M:%S', timeZone: 'Europe/Berlin' },
  party: { kind: 'phone', defaultCountryCode: '49' },
  eventType: { codes: { Sprache: 'voice', SMS: 'sms' } },
};
const file = [
  'Datum;Uhrzeit;Anrufer;Angerufener;Dauer;Art',
  '01.07.2026;12:00:00;0151 2345678;+49 160 9876543;61;Sprache',
  '01.07.2026;12:05:00;01512345678;0160/9876543;0;SMS',
  '31.02.2026;12:05:00;01512345678;01609876543;0;SMS',
  '01.07.2026;12:06:00;01512345678;01609876543;5;Fax',
].join('\n');

beforeAll(async () => {
  database = await openTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'lantern-comms-profiles-'));
  app = await buildTestApp(database, undefined, { LANTERN_DATA_DIR: dataDir });
  importer = (await signedIn(app, database.db, ['analyst'])).client;
  officer = (await signedIn(app, database.db, ['designated-senior-officer'])).client;
});
afterAll(async () => {
  await app.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('provider profiles over the API', () => {
  it('tries a draft on a sample: what would be stored (UTC, E.164) and what rejected, by line', async () => {
    const res = await importer.request('POST', '/api/comms/profiles/check', {
      profile: definition,
      sample: file,
    });
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview.sample).toMatchObject({ read: 4, loaded: 2, rejected: 2 });
    expect(preview.events.map((e: Record<string, unknown>) => [e.a, e.b, e.start, e.type])).toEqual([
      ['+491512345678', '+491609876543', '2026-07-01T10:00:00.000Z', 'voice'],
      ['+491512345678', '+491609876543', '2026-07-01T10:05:00.000Z', 'sms'],
    ]);
    expect(preview.rejects.map((r: Record<string, unknown>) => [r.line, r.reason])).toEqual([
      [4, 'bad time'],
      [5, 'unknown type code'],
    ]);
    const bad = await importer.request('POST', '/api/comms/profiles/check', {
      profile: { ...definition, time: { ...definition.time, timeZone: 'Europe/Berln' } },
      sample: file,
    });
    expect(bad.statusCode).toBe(400);
    const notParquet = await importer.request('POST', '/api/comms/profiles/check', {
      profile: { ...definition, id: 'draft-parquet', format: 'parquet' },
      sample: Buffer.from('PAR1 but not really').toString('base64'),
      sampleEncoding: 'base64',
    });
    expect(notParquet.statusCode).toBe(400);
    expect(notParquet.json().error.details.fields[0].path).toBe('files');
    expect(bad.json().error.details.fields).toEqual([
      {
        path: 'body.profile.time.timeZone',
        message: "not a known IANA time zone (e.g. 'Europe/London', 'UTC')",
      },
    ]);
  });

  it('registers a profile once (audited), lists it with the shipped ones, and refuses a taken id', async () => {
    const created = await importer.request('POST', '/api/comms/profiles', definition);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id, source: 'registered', definition: { csv: { header: true } } });
    const audit = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'comms.profile.add'), eq(auditEvents.recordId, id)));
    expect(audit).toHaveLength(1);
    const listed = (await officer.request('GET', '/api/comms/profiles')).json().items;
    expect(listed.map((p: { id: string; source: string }) => [p.id, p.source])).toEqual(
      expect.arrayContaining([
        ['generic', 'shipped'],
        [id, 'registered'],
      ]),
    );
    expect((await officer.request('GET', `/api/comms/profiles/${id}`)).json().definition).toEqual(
      created.json().definition,
    );
    expect((await officer.request('GET', '/api/comms/profiles/nope')).statusCode).toBe(404);
    const again = await importer.request('POST', '/api/comms/profiles', {
      ...definition,
      description: 'changed',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('register the corrected mapping under a new id');
    const shipped = await importer.request('POST', '/api/comms/profiles', { ...definition, id: 'generic' });
    expect(shipped.statusCode).toBe(409);
    const invalid = await importer.request('POST', '/api/comms/profiles', {
      ...definition,
      id: 'x',
      columns: {},
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual([
      'body.columns.a',
      'body.columns.b',
    ]);
    // Registering is an importer's act; a reader may list but not add.
    expect(
      (await officer.request('POST', '/api/comms/profiles', { ...definition, id: `${id}-2` })).statusCode,
    ).toBe(403);
  });

  it('imports a gzip-compressed upload with the registered profile', async () => {
    const created = await importer.request('POST', '/api/comms/datasets', {
      name: `de-${randomUUID()}`,
      provider: 'DE operator',
      authorisationRef: 'IPA/TEST/DE',
      authorisedFrom: '2026-01-01T00:00:00Z',
      authorisedTo: '2026-12-31T23:59:59Z',
    });
    const datasetId = created.json().id;
    const res = await upload(
      app,
      importer,
      `/api/comms/datasets/${datasetId}/imports?profile=${id}`,
      gzipSync(Buffer.from(file)),
      'application/gzip',
    );
    expect(res.statusCode).toBe(202);
    const job = await importEnded(importer, res.json().importId);
    expect(job).toMatchObject({ status: 'done', profile: id, result: { read: 4, loaded: 2, rejected: 2 } });
    expect(job.result.firstRejects).toEqual([
      { line: 4, reason: 'bad time', raw: '31.02.2026;12:05:00;01512345678;01609876543;0;SMS' },
      { line: 5, reason: 'unknown type code', raw: '01.07.2026;12:06:00;01512345678;01609876543;5;Fax' },
    ]);
  });
});
