import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../../test/db';
import type { Database } from '../../../db/client';
import { systemClock } from '../../../platform/clock';
import { consoleScope } from '../../../platform/request-scope';
import { chainAnalysis, commonAnalysis, networkAnalysis, pathAnalysis } from '../analyses/graph-analyses';
import {
  coLocationAnalysis,
  pairEventsAnalysis,
  statsAnalysis,
  timelineAnalysis,
  watchlistMatchAnalysis,
} from '../analyses/store-analyses';
import type { AnalysisContext } from '../analyses/analysis-context';
import { insertWatchlistEntries } from '../comms.repo';
import type { CommsDatasetRow } from '../comms.schema';
import { type CommsServices, openCommsServices } from '../comms-services';
import { createTestDataset } from '../comms.test-support';
import { writeGenericCsv } from '../store/fixtures/test-helpers.js';
import { createDataset } from './create-dataset';
import { importDatasetFiles } from './import-dataset-files';
import { registerProfile } from './provider-profiles';
import { loadDatasetRef } from './load-dataset';
import { runAnalysis } from './run-analysis';

/** The console: the installation's operator, as the CLI and the system act. */
const operator = consoleScope(systemClock);

let database: Database;
let dataDir: string;
let services: CommsServices;
beforeAll(async () => {
  database = await openTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'lantern-comms-run-analysis-'));
  services = openCommsServices(database, systemClock, dataDir);
});
afterAll(async () => {
  await services.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs one analysis as the console does (the CLI and the API share runAnalysis). */
function analyse<T>(
  datasets: CommsDatasetRow[],
  run: (ctx: AnalysisContext) => Promise<T>,
  scope: Parameters<typeof runAnalysis>[2]['scope'] = {},
): Promise<T> {
  return runAnalysis(
    services,
    datasets.map((d) => d.id),
    { name: 'test', fields: [], scope, run },
    operator,
  );
}

async function imported(rows: string[], profile = 'generic', row?: CommsDatasetRow) {
  const dataset = row ?? (await createTestDataset(database, 'normalise'));
  const file = await writeGenericCsv(dataDir, `${randomUUID()}.csv`, rows);
  await importDatasetFiles(services, { datasetId: dataset.id, files: [file], profile }, operator);
  return dataset;
}

const CALLS = [
  'voice,07700900123,07700900456,2024-03-01T10:00:00Z,60,C1,,',
  'sms,07700900456,07700900123,2024-03-01T10:05:00Z,,C1,,',
  'voice,07700900123,07700900789,2024-03-02T10:00:00Z,60,C2,,',
  'voice,07700900456,07700900789,2024-03-03T10:00:00Z,60,C2,,',
];

it('takes numbers in the national (or any dialled) format the import normalised, in every analysis', async () => {
  const ds = await imported(CALLS);
  const chain = await analyse([ds], (ctx) =>
    chainAnalysis(ctx, { scope: {}, alsoDatasets: [], seeds: ['07700 900123'], hops: 1, limit: 1000 }),
  );
  expect(chain).toMatchObject({ seeds: ['+447700900123'], unknownSeeds: [] });
  expect(chain.contacts.map((c) => c.number).sort()).toEqual(['+447700900456', '+447700900789']);
  const timeline = await analyse([ds], (ctx) =>
    timelineAnalysis(ctx, { scope: {}, number: '07700900123', other: '0044 7700 900456' }),
  );
  expect(timeline).toMatchObject({ number: '+447700900123', other: '+447700900456', total: 2 });
  const path = await analyse([ds], (ctx) =>
    pathAnalysis(ctx, {
      scope: {},
      alsoDatasets: [],
      from: '07700900456',
      to: '+44 (0)7700 900789',
      all: false,
      maxPaths: 100,
    }),
  );
  expect(path).toMatchObject({ found: true, length: 1, unknown: [] });
  const common = await analyse([ds], (ctx) =>
    commonAnalysis(ctx, { scope: {}, alsoDatasets: [], numbers: ['07700900456', '07700900789'] }),
  );
  expect(common.contacts.map((c) => c.number)).toEqual(['+447700900123']);
  const network = await analyse([ds], (ctx) =>
    networkAnalysis(ctx, { scope: {}, alsoDatasets: [], numbers: ['07700900123', '7700900789'], maxHops: 6 }),
  );
  expect(network.unknown).toEqual([]);
  const colocated = await analyse([ds], (ctx) =>
    coLocationAnalysis(ctx, {
      scope: {},
      number: '07700900123',
      other: '07700900456',
      windowMinutes: 15,
      minOccurrences: 2,
      limit: 100,
    }),
  );
  expect(colocated.coLocated?.map((c) => c.number)).toEqual(['+447700900456']);
  const events = await analyse([ds], (ctx) =>
    pairEventsAnalysis(ctx, {
      a: '07700900123',
      b: '07700900456',
      bothDirections: true,
      limit: 10,
      offset: 0,
    }),
  );
  expect(events.total).toBe(2);
  const subject = `subject-${randomUUID()}`;
  await insertWatchlistEntries(database.db, [
    { number: '07700 900789', subjectRef: subject, createdBy: null },
  ]);
  const watch = await analyse([ds], (ctx) => watchlistMatchAnalysis(ctx, { number: '07700900123', hops: 1 }));
  expect(watch).toMatchObject({ inData: true });
  expect(watch.matches).toContainEqual(
    expect.objectContaining({ subjectRef: subject, watchedNumber: '+447700900789', hops: 1 }),
  );
  const scoped = await analyse([ds], statsAnalysis, { numbers: ['07700900123'] });
  expect(scoped.records).toBe(3);
});

it('checks scope numbers against the authorised numbers in the same form', async () => {
  const ds = await createDataset(
    database,
    {
      name: `authorised-${randomUUID()}`,
      provider: 'X',
      authorisationRef: 'IPA/TEST/2024',
      authorisedFrom: '2024-01-01T00:00:00Z',
      authorisedTo: '2024-12-31T23:59:59Z',
      authorisedNumbers: ['+447700900123', '+447700900456'],
      classification: 'OFFICIAL-SENSITIVE',
      caveats: [],
    },
    operator,
  );
  await imported(CALLS, 'generic', ds);
  const stats = await analyse([ds], statsAnalysis, { numbers: ['07700 900456'] });
  expect(stats.records).toBe(3);
});

it("resolves a number that the dataset's profiles read differently to the form its data holds", async () => {
  const id = `nanp-${randomUUID().slice(0, 8)}`;
  await registerProfile(
    database,
    {
      id,
      columns: { type: 'type', a: 'a', b: 'b', start: 'start', duration: 'duration_s', cellId: 'cell_id' },
      time: { kind: 'iso' },
      party: { kind: 'phone', defaultCountryCode: '1', nationalPrefix: '1', internationalPrefix: '011' },
      eventType: { codes: { voice: 'voice', sms: 'sms' } },
    },
    operator,
  );
  const ds = await imported(CALLS);
  await imported(['voice,2125550123,4155552671,2024-03-04T10:00:00Z,60,C3,,'], id, ds);
  const chain = await analyse([ds], (ctx) =>
    chainAnalysis(ctx, {
      scope: {},
      alsoDatasets: [],
      seeds: ['2125550123', '07700900123'],
      hops: 1,
      limit: 1000,
    }),
  );
  // '2125550123' is +442125550123 by the UK rules and +12125550123 by the other: the data holds the latter.
  expect(chain).toMatchObject({ seeds: ['+12125550123', '+447700900123'], unknownSeeds: [] });
  // Once the data holds both forms, the short form is ambiguous: refused, naming both.
  await imported(['sms,02125550123,07700900123,2024-03-05T10:00:00Z,,C1,,'], 'generic', ds);
  await expect(
    analyse([ds], (ctx) =>
      chainAnalysis(ctx, { scope: {}, alsoDatasets: [], seeds: ['2125550123'], hops: 1, limit: 1000 }),
    ),
  ).rejects.toMatchObject({
    code: 'VALIDATION_FAILED',
    message: expect.stringContaining("'2125550123' is +442125550123 or +12125550123 in this data"),
  });
  const unknown = await analyse([ds], (ctx) =>
    chainAnalysis(ctx, { scope: {}, alsoDatasets: [], seeds: ['07700 900999'], hops: 1, limit: 1000 }),
  );
  expect(unknown).toMatchObject({ seeds: [], unknownSeeds: ['07700 900999'] });
});

// A pair with events both ways, an exact duplicate, and events on and just beyond the ends of a
// scope: chain and timeline count the pair's events alike, as a plain recount does.
const A = '+447700900001';
const B = '+447700900002';
const C = '+447700900003';
const PAIR_ROWS = [
  `voice,${A},${B},2024-03-01T00:00:00Z,60,C1,,`,
  `sms,${A},${B},2024-03-02T10:00:00Z,,C1,,`,
  `sms,${A},${B},2024-03-02T10:00:00Z,,C1,,`,
  `voice,${B},${A},2024-03-03T10:00:00Z,30,C1,,`,
  `voice,${A},${B},2024-03-31T23:59:59Z,60,C1,,`,
  `voice,${A},${B},2024-04-01T00:00:00Z,60,C1,,`,
  `sms,${B},${A},2024-02-29T23:59:59Z,,C1,,`,
  `voice,${A},${C},2024-03-05T10:00:00Z,60,C1,,`,
  `voice,${C},${B},2024-03-06T10:00:00Z,60,C1,,`,
];

/** The pair's events recounted from the rows: distinct lines, between a and b, within [from, to]. */
function recount(a: string, b: string, from: string, to: string) {
  const [lo, hi] = [Date.parse(from), Date.parse(to)];
  const counts = { total: 0, aToB: 0, bToA: 0 };
  for (const line of new Set(PAIR_ROWS)) {
    const [, x, y, start] = line.split(',') as [string, string, string, string];
    const t = Date.parse(start);
    if (t < lo || t > hi) continue;
    if (x === a && y === b) counts.aToB++;
    else if (x === b && y === a) counts.bToA++;
    else continue;
    counts.total++;
  }
  return counts;
}

it('counts the events of a pair alike in chain and timeline, both ways, as a plain recount does', async () => {
  const ds = await imported(PAIR_ROWS);
  const scopes = [
    { from: '2024-03-01T00:00:00.000Z', to: '2024-03-31T23:59:59.999Z' },
    { from: '2024-01-01T00:00:00.000Z', to: '2024-12-31T23:59:59.000Z' }, // the whole authorisation
  ];
  for (const scope of scopes) {
    const expected = recount(A, B, scope.from, scope.to);
    const chain = await analyse(
      [ds],
      (ctx) => chainAnalysis(ctx, { scope: {}, alsoDatasets: [], seeds: [A], hops: 1, limit: 1000 }),
      scope,
    );
    const contact = chain.contacts.find((c) => c.number === B)!;
    expect(contact.pair).toEqual({ events: expected.total, fromVia: expected.aToB, toVia: expected.bToA });
    const timeline = await analyse(
      [ds],
      (ctx) => timelineAnalysis(ctx, { scope: {}, number: A, other: B }),
      scope,
    );
    expect(timeline.total).toBe(expected.total);
    expect(timeline.pair).toEqual({ outgoing: expected.aToB, incoming: expected.bToA });
  }
  expect(recount(A, B, scopes[0]!.from, scopes[0]!.to)).toEqual({ total: 4, aToB: 3, bToA: 1 });
});

it('refuses to run a one-dataset analysis on several datasets rather than use the first', async () => {
  const one = await imported(CALLS);
  const two = await imported(CALLS);
  await expect(
    analyse([one, two], (ctx) => timelineAnalysis(ctx, { scope: {}, number: '+447700900123' })),
  ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
});

it('finds a dataset by its id as well as its name', async () => {
  const ds = await createTestDataset(database, 'by-id');
  expect((await loadDatasetRef(database.db, operator, ds.id)).id).toBe(ds.id);
  expect((await loadDatasetRef(database.db, operator, ds.name)).id).toBe(ds.id);
  await expect(loadDatasetRef(database.db, operator, `missing-${randomUUID()}`)).rejects.toMatchObject({
    code: 'NOT_FOUND',
    message: expect.stringContaining('lantern comms datasets add --name'),
  });
});
