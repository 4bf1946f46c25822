import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMS_SCOPE_RULE } from '#shared/contracts/comms';
import { buildTestApp, type TestClient } from '../../../../../test/app';
import { openTestDatabase } from '../../../../../test/db';
import type { Database } from '../../../db/client';
import { finishImport, insertImport } from '../imports.repo';
import { INTERRUPTED_ERROR } from '../use-cases/recover-interrupted-imports';
import { bfs, emailNetworkFile, importEnded, recountNetwork, signedIn, upload } from '../comms.test-support';

let database: Database;
let app: FastifyInstance;
let dataDir: string;
let owner: TestClient;
let outsider: TestClient;
let datasetId = '';
const ref = recountNetwork();
const file = readFileSync(emailNetworkFile);

beforeAll(async () => {
  database = await openTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'lantern-comms-api-'));
  app = await buildTestApp(database, undefined, { LANTERN_DATA_DIR: dataDir });
  owner = (await signedIn(app, database.db, ['analyst'])).client;
  outsider = (await signedIn(app, database.db, ['analyst'])).client;
  const created = await owner.request('POST', '/api/comms/datasets', {
    name: `email-${Date.now()}`,
    provider: 'SNAP',
    authorisationRef: 'IPA/TEST/0001',
    authorisedFrom: '2003-10-01T00:00:00Z',
    authorisedTo: '2004-06-30T23:59:59Z',
  });
  expect(created.statusCode).toBe(201);
  // Its creator (an analyst) may analyse and import, not destroy (comms:destroy is the SPoC's).
  expect(created.json().abilities).toEqual({ analyse: true, import: true, destroy: false });
  datasetId = created.json().id;
});
afterAll(async () => {
  await app.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('comms datasets over the API', () => {
  it('imports the real network with SSE progress, and the stats match a plain recount', async () => {
    const res = await upload(
      app,
      owner,
      `/api/comms/datasets/${datasetId}/imports?profile=snap-temporal`,
      file,
    );
    expect(res.statusCode).toBe(202);
    const { importId } = res.json();
    const sse = await owner.request('GET', `/api/comms/imports/${importId}/events`);
    expect(sse.headers['content-type']).toContain('text/event-stream');
    expect(sse.body).toContain('event: progress');
    expect(sse.body.trimEnd().split('\n\n').at(-1)).toMatch(/^event: done\ndata: .*"status":"done"/);
    const job = await importEnded(owner, importId);
    expect(job.result).toMatchObject({
      read: ref.lines,
      loaded: ref.distinct,
      duplicates: ref.lines - ref.distinct,
      rejected: 0,
    });
    expect(job.result.rejectsPath).toContain(dataDir);
    const stats = (await owner.request('GET', `/api/comms/datasets/${datasetId}/stats`)).json();
    expect(stats).toMatchObject({ records: ref.distinct, numbers: ref.adjacency.size });
    const ds = (await owner.request('GET', `/api/comms/datasets/${datasetId}`)).json();
    expect(ds).toMatchObject({
      status: 'ready',
      counts: { records: ref.distinct, numbers: ref.adjacency.size },
    });
    expect(ds.dataVersion).toBeGreaterThan(0);
  });

  it('chains, finds common contacts and shortest paths exactly as a brute-force recount', async () => {
    const url = (a: string) => `/api/comms/datasets/${datasetId}/${a}`;
    const chain = (await owner.request('POST', url('chain'), { seeds: ['1'], hops: 2 })).json();
    const expected = bfs(ref.adjacency, ['1'], 2);
    expected.delete('1');
    const got = new Map<string, number>(
      chain.contacts.map((c: { number: string; hops: number }) => [c.number, c.hops]),
    );
    expect(got).toEqual(expected);
    for (const c of chain.contacts.slice(0, 50)) expect(c.path[0]).toBe('1');

    const [a, b] = ['1', '3'];
    const common = (await owner.request('POST', url('common-contacts'), { numbers: [a, b] })).json();
    const both = [...ref.adjacency.get(a)!].filter((n) => ref.adjacency.get(b)!.has(n) && n !== a && n !== b);
    expect(common.contacts.map((c: { number: string }) => c.number).sort()).toEqual(both.sort());

    const far = [...bfs(ref.adjacency, ['1'])].sort((x, y) => y[1] - x[1])[0]!;
    const path = (await owner.request('POST', url('shortest-path'), { from: '1', to: far[0] })).json();
    expect(path).toMatchObject({ found: true, length: far[1] });
    expect(path.paths[0]).toHaveLength(far[1] + 1);
    const all = (
      await owner.request('POST', url('shortest-path'), { from: '1', to: far[0], all: true })
    ).json();
    expect(all.count).toBeGreaterThanOrEqual(1);
    expect(all.paths.every((p: string[]) => p.length === far[1] + 1)).toBe(true);
  });

  it('cross-matches the watchlist from the standing index, rebuilt when the watchlist changes', async () => {
    const url = `/api/comms/datasets/${datasetId}/watchlist-match?number=1`;
    const before = (await owner.request('GET', url)).json();
    const watched = [...ref.adjacency.get('1')!].slice(0, 2);
    const add = await owner.request('POST', '/api/comms/watchlist', {
      entries: watched.map((number, i) => ({ number, subjectRef: `SUBJ-${i}` })),
    });
    expect(add.statusCode).toBe(201);
    const after = (await owner.request('GET', url)).json();
    expect(after.matches.length).toBeGreaterThan(before.matches.length);
    const direct = after.matches.filter((m: { hops: number }) => m.hops === 1);
    expect(direct.map((m: { watchedNumber: string }) => m.watchedNumber).sort()).toEqual(
      expect.arrayContaining([...watched].sort()),
    );
    const dist = bfs(ref.adjacency, ['1'], 2);
    for (const m of after.matches) expect(dist.get(m.watchedNumber)).toBe(m.hops);
  });

  it('refuses dates outside the authorised period, naming the rule', async () => {
    const res = await owner.request('POST', `/api/comms/datasets/${datasetId}/chain`, {
      seeds: ['1'],
      scope: { from: '2003-01-01T00:00:00Z' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'RULE_VIOLATION', details: { rule: COMMS_SCOPE_RULE } });
    expect(res.json().error.message).toContain('IPA 2016 Part 3: outside the authorised scope');
    const stats = await owner.request(
      'GET',
      `/api/comms/datasets/${datasetId}/stats?to=2005-01-01T00:00:00Z`,
    );
    expect(stats.statusCode).toBe(422);
  });

  it('narrows to a window inside the period with only the events in it', async () => {
    const from = '2003-11-01T00:00:00Z';
    const to = '2003-12-01T00:00:00Z';
    const window = recountNetwork(Date.parse(from) / 1000, Date.parse(to) / 1000);
    const stats = (
      await owner.request('GET', `/api/comms/datasets/${datasetId}/stats?from=${from}&to=${to}`)
    ).json();
    expect(stats.records).toBe(window.records);
    const chain = (
      await owner.request('POST', `/api/comms/datasets/${datasetId}/chain`, {
        seeds: ['1'],
        hops: 1,
        scope: { from, to },
      })
    ).json();
    expect(chain.contacts.map((c: { number: string }) => c.number).sort()).toEqual(
      [...(window.adjacency.get('1') ?? [])].sort(),
    );
  });

  it('answers 404 on every comms route to a user not read into the dataset', async () => {
    const d = `/api/comms/datasets/${datasetId}`;
    const list = (await outsider.request('GET', '/api/comms/datasets')).json();
    expect(list.items.map((x: { id: string }) => x.id)).not.toContain(datasetId);
    const calls: [string, string, unknown?][] = [
      ['GET', d],
      ['GET', `${d}/stats`],
      ['GET', `${d}/watchlist-match?number=1`],
      ['GET', `${d}/pair-events?a=1&b=3`],
      ['POST', `${d}/chain`, { seeds: ['1'] }],
      ['POST', `${d}/common-contacts`, { numbers: ['1', '3'] }],
      ['POST', `${d}/shortest-path`, { from: '1', to: '3' }],
      ['POST', `${d}/connecting-network`, { numbers: ['1', '3'] }],
      ['POST', `${d}/communities`, {}],
      ['POST', `${d}/centrality`, {}],
      ['POST', `${d}/timeline`, { number: '1' }],
      ['POST', `${d}/co-location`, { number: '1' }],
    ];
    for (const [method, url, body] of calls) {
      const res = await outsider.request(method as 'GET' | 'POST', url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await upload(app, outsider, `${d}/imports?profile=snap-temporal`, file)).statusCode).toBe(404);
    const sites = Buffer.from('cell_id,lat,lon\nC1,51.5,-0.1\n');
    expect((await upload(app, outsider, `${d}/cell-sites`, sites)).statusCode).toBe(404);
  });

  it('imports cell sites for the owner and reports the counts', async () => {
    const sites = Buffer.from('cell_id,lat,lon,azimuth\nC1,51.5,-0.1,90\nC2,95,0,\nC1,51.6,-0.1,\n');
    const res = await upload(app, owner, `/api/comms/datasets/${datasetId}/cell-sites`, sites);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ read: 3, loaded: 1, duplicates: 1, rejected: 1 });
    const noLon = await upload(
      app,
      owner,
      `/api/comms/datasets/${datasetId}/cell-sites`,
      Buffer.from('cell_id,lat\nC1,5\n'),
    );
    expect(noLon.statusCode).toBe(400);
    expect(noLon.json().error.message).toContain('lacks the column(s) lon');
  });

  it('runs communities, centrality, network, timeline and pair events for the owner', async () => {
    const d = `/api/comms/datasets/${datasetId}`;
    const communities = (await owner.request('POST', `${d}/communities`, { top: 3 })).json();
    expect(communities.count).toBeGreaterThan(1);
    expect(communities.modularity).toBeGreaterThan(0.1);
    const centrality = (
      await owner.request('POST', `${d}/centrality`, { measure: 'betweenness', top: 5 })
    ).json();
    expect(centrality).toMatchObject({ measure: 'betweenness', exact: true });
    const degree = (await owner.request('POST', `${d}/centrality`, { top: 1 })).json();
    const maxDegree = Math.max(...[...ref.adjacency.values()].map((s) => s.size));
    expect(degree.top[0].degree).toBe(maxDegree);
    const network = (
      await owner.request('POST', `${d}/connecting-network`, { numbers: ['1', '3', '5'] })
    ).json();
    expect(network.members.sort()).toEqual(['1', '3', '5']);
    const timeline = (await owner.request('POST', `${d}/timeline`, { number: '1' })).json();
    expect(timeline.total).toBeGreaterThan(0);
    const events = (await owner.request('GET', `${d}/pair-events?a=3&b=4&limit=5`)).json();
    expect(events.total).toBeGreaterThan(0);
    expect(events.events.length).toBeLessThanOrEqual(5);
    const pairWithoutNumber = await owner.request('POST', `${d}/co-location`, { other: '2' });
    expect(pairWithoutNumber.statusCode).toBe(400);
    expect(JSON.stringify(pairWithoutNumber.json().error)).toContain('other needs number');
    const pair = await owner.request('POST', `${d}/co-location`, { number: '1', other: '2' });
    expect(pair.json()).toEqual({ number: '1', coLocated: [] }); // the e-mail network has no cells
  });

  it('names an unknown profile, and a cancelled import leaves the dataset as it was', async () => {
    const bad = await upload(app, owner, `/api/comms/datasets/${datasetId}/imports?profile=nope`, file);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("'nope'");
    const before = (await owner.request('GET', `/api/comms/datasets/${datasetId}`)).json();
    const big = Buffer.concat(Array.from({ length: 8 }, () => file));
    const res = await upload(
      app,
      owner,
      `/api/comms/datasets/${datasetId}/imports?profile=snap-temporal`,
      big,
    );
    expect(res.statusCode).toBe(202);
    await owner.request('DELETE', `/api/comms/imports/${res.json().importId}`);
    const job = await importEnded(owner, res.json().importId);
    expect(job.status).toBe('cancelled');
    const after = (await owner.request('GET', `/api/comms/datasets/${datasetId}`)).json();
    expect(after).toEqual(before);
    const stats = (await owner.request('GET', `/api/comms/datasets/${datasetId}/stats`)).json();
    expect(stats.records).toBe(ref.distinct);
  });

  it("keeps each dataset's import history: who, which file and profile, the outcome; hidden from outsiders", async () => {
    const list = await owner.request('GET', `/api/comms/datasets/${datasetId}/imports`);
    expect(list.statusCode).toBe(200);
    const history = list.json().items;
    // Newest first: the cancelled import, then the first one (the unknown profile never started).
    expect(history.map((i: { status: string }) => i.status)).toEqual(['cancelled', 'done']);
    expect(history[0]).toMatchObject({
      profile: 'snap-temporal',
      files: [{ name: 'upload', bytes: file.length * 8 }],
      result: null,
      error: expect.stringMatching(/^The import was cancelled during the \w+ step; nothing was loaded\.$/),
    });
    // Polling an ended import reads the same row.
    const polled = await owner.request('GET', `/api/comms/imports/${history[0].importId}`);
    expect(polled.json()).toEqual(history[0]);
    expect(history[1]).toMatchObject({
      files: [{ name: 'upload', bytes: file.length }],
      result: { read: ref.lines, loaded: ref.distinct, rejected: 0 },
      progress: { phase: 'commit' },
    });
    expect(history[1].startedBy).toEqual(expect.any(String));
    expect(Date.parse(history[1].finishedAt)).toBeGreaterThanOrEqual(Date.parse(history[1].startedAt));
    expect((await outsider.request('GET', `/api/comms/datasets/${datasetId}/imports`)).statusCode).toBe(404);
    // A failed import keeps its error, naming the upload as the caller knows it (not the server's temporary path).
    const empty = await upload(
      app,
      owner,
      `/api/comms/datasets/${datasetId}/imports?profile=generic`,
      Buffer.from('\n'),
    );
    expect(await importEnded(owner, empty.json().importId)).toMatchObject({
      status: 'failed',
      error: 'upload is empty: no header line',
    });
  });

  it('serves an import this process did not run from the history: poll, SSE and cancel', async () => {
    const row = await insertImport(database.db, {
      datasetId,
      profileId: 'generic',
      files: [{ name: '/srv/returns/march.csv', bytes: 10 }],
      startedBy: null,
    });
    await finishImport(database.db, row.id, {
      status: 'interrupted',
      finishedAt: new Date(),
      error: INTERRUPTED_ERROR,
    });
    const job = await owner.request('GET', `/api/comms/imports/${row.id}`);
    expect(job.json()).toMatchObject({
      importId: row.id,
      status: 'interrupted',
      progress: { phase: 'queued' },
    });
    const sse = await owner.request('GET', `/api/comms/imports/${row.id}/events`);
    expect(sse.body.trimEnd().split('\n\n').at(-1)).toMatch(/^event: done\ndata: .*"status":"interrupted"/);
    const cancel = await owner.request('DELETE', `/api/comms/imports/${row.id}`);
    expect(cancel.json()).toEqual({ cancelled: false });
    expect((await outsider.request('GET', `/api/comms/imports/${row.id}`)).statusCode).toBe(404);
    expect((await outsider.request('GET', `/api/comms/imports/${row.id}/events`)).statusCode).toBe(404);
  });
});
