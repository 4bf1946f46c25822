import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Classification } from '#shared/contracts/markings';
import { appPerFile, TestClient } from '../../../../../test/app';
import type { Database } from '../../../db/client';
import { buildUser } from '../../../platform/auth/user.factory';
import { systemClock } from '../../../platform/clock';
import { consoleScope } from '../../../platform/request-scope';
import { signedIn } from '../comms.test-support';
import { createDataset } from './create-dataset';

let database: Database;
let app: FastifyInstance;

appPerFile((t) => ({ database, app } = t));

function datasetBody(name: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    provider: 'X',
    authorisationRef: 'IPA/TEST/2024',
    authorisedFrom: '2024-01-01T00:00:00Z',
    authorisedTo: '2024-12-31T23:59:59Z',
    ...extra,
  };
}

/** An analyst with exactly this clearance and these caveats, signed in. */
async function analystCleared(clearance: Classification, caveats: string[] = []) {
  const user = await buildUser(database.db, { roles: ['analyst'], clearance, caveats });
  const client = new TestClient(app);
  expect((await client.signIn(user.username)).statusCode).toBe(200);
  return { user, client };
}

async function visibleNames(client: TestClient): Promise<string[]> {
  const res = await client.request('GET', '/api/comms/datasets');
  expect(res.statusCode).toBe(200);
  return res.json().items.map((d: { name: string }) => d.name);
}

function createByConsole(name: string) {
  return createDataset(
    database,
    { ...datasetBody(name), authorisedNumbers: [], classification: 'OFFICIAL-SENSITIVE', caveats: [] },
    consoleScope(systemClock),
  );
}

describe('dataset names are unique only among the datasets one can see (rule 17: no existence oracle)', () => {
  it('a name taken by a dataset out of reach is free; a name one can see is a conflict', async () => {
    const { client: alice } = await signedIn(app, database.db, ['analyst']);
    const { client: bob } = await signedIn(app, database.db, ['analyst']);
    const name = `Op HERON ${randomUUID()}`;
    expect((await alice.request('POST', '/api/comms/datasets', datasetBody(name))).statusCode).toBe(201);

    const bobs = await bob.request('POST', '/api/comms/datasets', datasetBody(name));
    expect(bobs.statusCode, bobs.body).toBe(201);
    expect(await visibleNames(bob)).toEqual([name]);
    expect(await visibleNames(alice)).toEqual([name]);

    const again = await alice.request('POST', '/api/comms/datasets', datasetBody(name));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');
  });

  it('serialises concurrent creates of one name: exactly one succeeds', async () => {
    const { client } = await signedIn(app, database.db, ['analyst']);
    const name = `Op PETREL ${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 4 }, () => client.request('POST', '/api/comms/datasets', datasetBody(name))),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
    expect(await visibleNames(client)).toEqual([name]);
  });

  it('the console sees every dataset: it refuses a taken name; a user may still take a console name', async () => {
    const name = `Op SKUA ${randomUUID()}`;
    const row = await createByConsole(name);
    expect(row.name).toBe(name);
    await expect(createByConsole(name)).rejects.toMatchObject({ code: 'CONFLICT' });
    const { client } = await signedIn(app, database.db, ['analyst']);
    expect((await client.request('POST', '/api/comms/datasets', datasetBody(name))).statusCode).toBe(201);
    await expect(createByConsole(name)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('a dataset is never marked above its creator', () => {
  const rule = "need-to-know: a record cannot be marked above its creator's clearance";

  it('refuses the default OFFICIAL-SENSITIVE to a creator cleared to OFFICIAL, naming the field and the rule', async () => {
    const { client } = await analystCleared('OFFICIAL');
    const name = `Op WREN ${randomUUID()}`;
    const res = await client.request('POST', '/api/comms/datasets', datasetBody(name));
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.rule).toBe(rule);
    expect(error.details.fields.map((f: { path: string }) => f.path)).toEqual(['classification']);
    expect(await visibleNames(client)).toEqual([]);

    const official = await client.request(
      'POST',
      '/api/comms/datasets',
      datasetBody(name, { classification: 'OFFICIAL' }),
    );
    expect(official.statusCode, official.body).toBe(201);
    expect(await visibleNames(client)).toEqual([name]);
  });

  it('refuses a caveat the creator does not hold, and accepts one they hold', async () => {
    const { client } = await analystCleared('SECRET');
    const name = `Op LINNET ${randomUUID()}`;
    const marked = { classification: 'SECRET', caveats: ['UK EYES ONLY'] };
    const res = await client.request('POST', '/api/comms/datasets', datasetBody(name, marked));
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.rule).toBe(rule);
    expect(error.details.fields.map((f: { path: string }) => f.path)).toEqual(['caveats']);

    const { client: holder } = await analystCleared('SECRET', ['UK EYES ONLY']);
    const ok = await holder.request('POST', '/api/comms/datasets', datasetBody(name, marked));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await visibleNames(holder)).toEqual([name]);
  });
});

describe('a dataset authorised for a period that ends before it starts', () => {
  it('is refused naming authorisedTo (found by the fuzzer: the 400 named no field)', async () => {
    const { client } = await analystCleared('SECRET');
    const body = datasetBody(`Op DUNLIN ${randomUUID()}`, { authorisedTo: '1969-12-31T23:59:59Z' });
    const res = await client.request('POST', '/api/comms/datasets', body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      { path: 'body.authorisedTo', message: 'is before authorisedFrom' },
    ]);
  });

  it('an upload without a file is refused naming the body', async () => {
    const { client } = await analystCleared('SECRET');
    const created = await client.request(
      'POST',
      '/api/comms/datasets',
      datasetBody(`Op RUFF ${randomUUID()}`),
    );
    expect(created.statusCode, created.body).toBe(201);
    const res = await client.request(
      'POST',
      `/api/comms/datasets/${created.json().id}/imports?profile=snap-temporal`,
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(['body']);
  });
});
