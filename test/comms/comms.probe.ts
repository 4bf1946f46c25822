import type { TestClient } from '../app';
import type { ProbeFixture, ProbeUser } from '../matrix/probe-fixture';

// How the outsider matrix probes communications data: a dataset with one finished import of a
// small SNAP file (so analyses reach real code), and the uploads the OpenAPI document cannot build.
// Lives in test/ until comms-data has its own factory (comms.factory.ts) beside its code.

const period = { authorisedFrom: '2003-10-01T00:00:00Z', authorisedTo: '2004-06-30T23:59:59Z' };

/** A few events among parties 1–4 and one party named by the canary, seconds from 2003-10-01. */
function snapFile(canary: string): Buffer {
  const party = `${canary.toLowerCase()}-party`;
  const lines = ['1 2 0', '1 3 100', '2 3 200', '3 4 300', `1 ${party} 400`, `${party} 4 500`];
  return Buffer.from(`${lines.join('\n')}\n`);
}

async function importEnded(client: TestClient, importId: string) {
  for (let i = 0; i < 600; i++) {
    const job = (await client.request('GET', `/api/comms/imports/${importId}`)).json();
    if (job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`import ${importId} did not end`);
}

function createDataset(who: ProbeUser, body: Record<string, unknown>) {
  return who.client.request('POST', '/api/comms/datasets', {
    provider: 'PROBE',
    authorisationRef: 'IPA/PROBE/0001',
    ...period,
    ...body,
  });
}

export const commsProbe: ProbeFixture = {
  module: 'comms',
  recordParams: ['id', 'importId'],
  fixedParams: { profileId: 'snap-temporal' },
  async create(_kit, owner, marking, canary) {
    const name = `${canary} dataset ${Math.random().toString(36).slice(2, 8)}`;
    const created = await createDataset(owner, {
      name,
      provider: `${canary} provider`,
      authorisationRef: `${canary}/REF`,
      ...marking,
    });
    if (created.statusCode !== 201)
      throw new Error(`comms probe dataset: ${created.statusCode} ${created.body}`);
    const dataset = created.json();
    const started = await owner.client.upload(
      `/api/comms/datasets/${dataset.id}/imports?profile=snap-temporal`,
      snapFile(canary),
    );
    if (started.statusCode !== 202)
      throw new Error(`comms probe import: ${started.statusCode} ${started.body}`);
    const { importId } = started.json();
    const job = await importEnded(owner.client, importId);
    if (job.status !== 'done') throw new Error(`comms probe import ended ${job.status}`);
    return { params: { id: dataset.id, importId }, compartmentId: dataset.compartmentId, name };
  },
  named: { ...period, numbers: ['1', '3'], a: '1', b: '3', from: '1', to: '3', number: '1' },
  send: {
    'POST /api/comms/datasets/:id/imports': (client, path) =>
      client.upload(`${path}?profile=snap-temporal`, Buffer.from('1 2 0\n2 3 10\n')),
    'POST /api/comms/datasets/:id/cell-sites': (client, path) =>
      client.upload(path, Buffer.from('cell_id,lat,lon\nC1,51.5,-0.1\n')),
  },
  destroys: ['POST /api/comms/datasets/:id/destroy'],
  writes: {
    'POST /api/comms/datasets': 'registers a dataset (the unique-name oracle)',
    'POST /api/comms/profiles': 'registers a provider profile (profiles are not need-to-know records)',
    'POST /api/comms/profiles/check': 'tries a profile on a sample sent with it; reads no record',
    'POST /api/comms/watchlist': 'adds watchlist entries (shared by every comms reader, not compartmented)',
  },
  createNamed: (_kit, who, name, _hidden, marking) => createDataset(who, { name, ...marking }),
};
