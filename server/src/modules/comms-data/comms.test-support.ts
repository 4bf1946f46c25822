import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { TestClient } from '../../../../test/app';
import type { Database } from '../../db/client';
import { systemClock } from '../../platform/clock';
import { consoleScope } from '../../platform/request-scope';
import { repoRoot } from './store/fixtures/test-helpers.js';
import { createDataset } from './use-cases/create-dataset';

export const emailNetworkFile = resolve(repoRoot, 'test/data/email-eu-core-subset.txt');
const EPOCH_S = Date.parse('2003-10-01T00:00:00Z') / 1000;

/** The test kit's one `signedIn` (test/signed-in.ts), kept here for the comms tests that import it. */
export { signedIn } from '../../../../test/signed-in';

/** The real network recounted in plain JS: undirected adjacency of the distinct events in [from, to]. */
export function recountNetwork(fromS = Number.NEGATIVE_INFINITY, toS = Number.POSITIVE_INFINITY) {
  const lines = readFileSync(emailNetworkFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const distinct = new Set(lines.map((l) => l.trim()));
  const adjacency = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (!adjacency.has(a)) adjacency.set(a, new Set());
    adjacency.get(a)!.add(b);
  };
  let records = 0;
  for (const line of distinct) {
    const [a, b, s] = line.split(' ') as [string, string, string];
    const t = EPOCH_S + Number(s);
    if (t < fromS || t > toS) continue;
    records++;
    link(a, a === b ? a : b);
    link(b, a);
  }
  for (const [n, set] of adjacency) set.delete(n);
  return { lines: lines.length, distinct: distinct.size, records, adjacency };
}

/** Hop distance from the seeds to every reachable node (plain BFS). */
export function bfs(
  adjacency: Map<string, Set<string>>,
  seeds: string[],
  maxHops = Infinity,
): Map<string, number> {
  const dist = new Map(seeds.map((s) => [s, 0]));
  let frontier = [...seeds];
  for (let hop = 1; hop <= maxHops && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const u of frontier)
      for (const v of adjacency.get(u) ?? [])
        if (!dist.has(v)) {
          dist.set(v, hop);
          next.push(v);
        }
    frontier = next;
  }
  return dist;
}

/** Sends a file as the raw body (TestClient sends JSON only). */
export function upload(
  app: FastifyInstance,
  client: TestClient,
  url: string,
  body: Buffer,
  contentType = 'text/csv',
) {
  const session = client.cookie('lantern_session') ?? '';
  const csrf = client.cookie('lantern_csrf') ?? '';
  return app.inject({
    method: 'POST',
    url,
    headers: {
      cookie: `lantern_session=${session}; lantern_csrf=${csrf}`,
      'x-csrf-token': csrf,
      'content-type': contentType,
    },
    payload: body,
  });
}

/** Polls an API import until it is no longer running; its last view. */
export async function importEnded(client: TestClient, importId: string) {
  for (;;) {
    const job = (await client.request('GET', `/api/comms/imports/${importId}`)).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A dataset created by the console (no actor), named `prefix-<uuid>`, authorised over 2024. */
export function createTestDataset(database: Database, prefix: string) {
  return createDataset(
    database,
    {
      name: `${prefix}-${randomUUID()}`,
      provider: 'X',
      authorisationRef: 'IPA/TEST/2024',
      authorisedFrom: '2024-01-01T00:00:00Z',
      authorisedTo: '2024-12-31T23:59:59Z',
      authorisedNumbers: [],
      classification: 'OFFICIAL-SENSITIVE',
      caveats: [],
    },
    consoleScope(systemClock),
  );
}
