import { addMemberships, buildCompartment } from '#server/platform/access/access.factory';
import { compartmentIdsOf } from '#server/platform/access/access.repo';
import type { ProbeFixture } from '../matrix/probe-fixture';

/** How the outsider matrix probes the reference module (test/matrix/probe-fixture.ts). */
export const fixtureProbe: ProbeFixture = {
  module: 'fixture',
  recordParams: ['id'],
  async create(kit, owner, marking, canary) {
    const compartment = await buildCompartment(kit.database.db, { kind: 'fixture' });
    await addMemberships(kit.database.db, owner.user.id, [compartment.id]);
    const name = `${canary}-${compartment.id.slice(0, 4).toUpperCase()}`;
    const res = await owner.client.request('POST', '/api/fixture/records', {
      compartmentId: compartment.id,
      ...marking,
      reference: name,
      title: `${canary} title`,
      secret: `${canary} secret`,
    });
    if (res.statusCode !== 201) throw new Error(`fixture probe record: ${res.statusCode} ${res.body}`);
    return { params: { id: res.json().id }, compartmentId: compartment.id, name };
  },
  destroys: ['DELETE /api/fixture/records/:id'],
  writes: { 'POST /api/fixture/records': 'creates a record (the unique-name oracle)' },
  membershipLists: {
    'GET /api/fixture/compartments': 'the compartments one is read into: where one may create, not records',
  },
  async createNamed(kit, who, name, hidden, marking) {
    const inside = (await compartmentIdsOf(kit.database.db, who.user.id)).has(hidden.compartmentId);
    const compartmentId = inside
      ? hidden.compartmentId
      : (await buildCompartment(kit.database.db, { kind: 'fixture' })).id;
    if (!inside) await addMemberships(kit.database.db, who.user.id, [compartmentId]);
    return who.client.request('POST', '/api/fixture/records', {
      compartmentId,
      ...marking,
      reference: name,
      title: 'an outsider’s own record',
      secret: 'an outsider’s own secret',
    });
  },
};
