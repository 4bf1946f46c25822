import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#server/db/client';
import type { CompartmentRow } from '#server/platform/access/access.schema';
import type { UserRow } from '#server/platform/auth/auth.schema';
import { buildUser } from '#server/platform/auth/user.factory';
import type { UserScope } from '#server/platform/request-scope';
import { appPerFile, contextOf } from '../../app';
import { fixtureListQuery } from '../fixture.contract';
import { actorFor, buildFixtureRecord } from '../fixture.factory';
import { countFixtureRecords } from './count-fixture-records';
import { listFixtureRecords } from './list-fixture-records';

let database: Database;
let app: FastifyInstance;
appPerFile((t) => ({ database, app } = t), undefined, {}, { fixtureModule: true });

let reader: UserRow;
let compartment: CompartmentRow;
const titles = ['delta', 'alpha', 'echo', 'charlie', 'bravo', '100% proof'];

beforeAll(async () => {
  reader = await buildUser(database.db, { roles: ['analyst'], clearance: 'OFFICIAL' });
  const first = await buildFixtureRecord(contextOf(app), { title: titles[0], readers: [reader] });
  compartment = first.compartment;
  for (const title of titles.slice(1))
    await buildFixtureRecord(contextOf(app), { title, compartment, owner: first.owner });
  // In the same compartment, above the reader's clearance: never listed, counted or matched for them.
  await buildFixtureRecord(contextOf(app), {
    title: 'alpha hidden',
    compartment,
    owner: first.owner,
    classification: 'SECRET',
  });
});

async function scope(): Promise<UserScope> {
  return { actor: await actorFor(database.db, reader), requestId: randomUUID(), clock: contextOf(app).clock };
}
const list = async (query: Record<string, unknown>) =>
  listFixtureRecords(contextOf(app), await scope(), fixtureListQuery.parse(query));

describe('listFixtureRecords', () => {
  it('keeps out, in SQL, what the reader may not see: in the page and in the total', async () => {
    const page = await list({});
    expect(page.total).toBe(titles.length);
    expect(page.items.map((r) => r.title)).not.toContain('alpha hidden');
    expect(await countFixtureRecords(contextOf(app), await scope(), 'alpha')).toBe(1);
  });

  it('sorts by a field either way and pages without overlap', async () => {
    const byTitle = await list({ sort: 'title' });
    expect(byTitle.items.map((r) => r.title)).toEqual([...titles].sort());
    const descending = await list({ sort: '-title' });
    expect(descending.items.map((r) => r.title)).toEqual([...titles].sort().reverse());
    const pages = [
      await list({ sort: 'title', limit: 4 }),
      await list({ sort: 'title', limit: 4, offset: 4 }),
    ];
    expect(pages.flatMap((p) => p.items.map((r) => r.title))).toEqual([...titles].sort());
    expect(pages.map((p) => p.total)).toEqual([titles.length, titles.length]);
  });

  it('searches the title or the reference; % and _ match themselves', async () => {
    expect((await list({ q: 'ALPHA' })).items.map((r) => r.title)).toEqual(['alpha']);
    expect((await list({ q: '0%' })).items.map((r) => r.title)).toEqual(['100% proof']);
    expect((await list({ q: '_' })).total).toBe(0);
    const ref = (await list({ q: 'echo' })).items[0]!.reference;
    expect((await list({ q: ref.toLowerCase() })).items.map((r) => r.title)).toEqual(['echo']);
  });

  it('refuses an unknown sort field at the edge', () => {
    expect(fixtureListQuery.safeParse({ sort: 'secretEnc' }).success).toBe(false);
  });
});
