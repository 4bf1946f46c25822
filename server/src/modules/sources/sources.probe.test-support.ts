import type { UserRow } from '#server/platform/auth/auth.schema';
import type { ProbeFixture, ProbeKit, ProbeUser } from '../../../../test/matrix/probe-fixture';
import { buildOfficer, scopeFor } from './sources.factory';
import { requestBreakGlass } from './use-cases/break-glass';
import { decideAuthorisation } from './use-cases/decide-authorisation';
import { decideApproach } from './use-cases/approach-and-recruitment';

// How the outsider matrix (test/matrix) probes the sources module: a source taken to authorised
// with one of everything under it — a role of someone else's, a break-glass request, a granted
// authorisation with a review and a renewal waiting, a CCA application — so every record route
// reaches real rows, with the canary in every string stored. The owner (handler, AO and record
// keeper by job) is the source's handler; the other role holders are made here.

/** Values the request builder cannot guess: calendar dates, and officers who may take a role. */
const named: Record<string, unknown> = {
  dateOfBirth: '1980-01-01',
  recruitedOn: '2020-01-01',
  approvedOn: '2020-01-01',
};

/** Officers shared by the hidden record and the owner's control (the builder's values are per field, not per record). */
const shared = new WeakMap<object, { second: UserRow; candidate: UserRow }>();

async function sharedOfficers(kit: ProbeKit, caveats: string[]) {
  let officers = shared.get(kit.database);
  if (!officers) {
    officers = {
      second: await buildOfficer(kit.ctx, 'handler', { caveats }),
      candidate: await buildOfficer(kit.ctx, 'handler', { caveats }),
    };
    shared.set(kit.database, officers);
    // POST roles gives the candidate a role; the hand-over hands from the second handler to them.
    named.userId = officers.candidate.id;
    named.fromUserId = officers.second.id;
    named.toUserId = officers.candidate.id;
  }
  return officers;
}

async function ok(res: { statusCode: number; body: string }, what: string) {
  if (res.statusCode >= 300) throw new Error(`sources probe ${what}: ${res.statusCode} ${res.body}`);
  return JSON.parse(res.body);
}

function createSource(who: ProbeUser, body: Record<string, unknown>) {
  return who.client.request('POST', '/api/sources', { type: 'member-of-public', ...body });
}

export const sourcesProbe: ProbeFixture = {
  module: 'sources',
  recordParams: [
    'id',
    'requestId',
    'roleId',
    'breakGlassId',
    'authorisationId',
    'reviewId',
    'renewalId',
    'ccaId',
  ],
  async create(kit, owner, marking, canary) {
    const caveats = [...marking.caveats];
    const { second } = await sharedOfficers(kit, caveats);
    const [controller, keeper, ao] = await Promise.all([
      buildOfficer(kit.ctx, 'controller', { caveats }),
      buildOfficer(kit.ctx, 'record-keeper', { caveats }),
      buildOfficer(kit.ctx, 'authorising-officer', { caveats }),
    ]);
    const text = (what: string) => `${canary} ${what}`;
    const name = `${canary} ${Math.random().toString(36).slice(2, 8)}`.toUpperCase();
    const created = await ok(await createSource(owner, { ...marking, pseudonym: name }), 'create');
    const id: string = created.id;
    const at = `/api/sources/${id}`;
    const post = async (path: string, body: unknown) =>
      ok(await owner.client.request('POST', `${at}${path}`, body), path);
    for (const [role, user] of [
      ['controller', controller],
      ['record-keeper', keeper],
      ['authorising-officer', ao],
      ['handler', second],
    ] as const)
      await post('/roles', { role, userId: user.id });
    await ok(
      await owner.client.request('PUT', `${at}/identity`, {
        name: text('true name'),
        dateOfBirth: '1980-01-01',
        addresses: [text('address')],
        identitiesUsed: [text('alias')],
      }),
      'identity',
    );
    await post('/authorities', { authority: text('authority'), reference: text('reference') });
    const requested = await post('/approach-requests', {
      rationale: text('why'),
      risk: text('risk'),
      bonaFides: text('bona fides'),
    });
    const requestId: string = requested.approachRequests[0].id;
    await decideApproach(kit.ctx, await scopeFor(kit.ctx, ao), id, requestId, {
      decision: 'approve',
      reasons: text('approach reasons'),
    });
    await post('/recruitment', {
      recruitedOn: new Date().toISOString().slice(0, 10),
      circumstances: text('circumstances'),
      motivation: text('motivation'),
      volunteers: true,
    });
    const applied = await post('/authorisations', {
      ground: 'crime-or-disorder',
      necessity: text('necessity'),
      proportionality: text('proportionality'),
      purpose: text('purpose'),
      operation: text('operation'),
      conduct: text('conduct'),
      collateralIntrusion: text('intrusion'),
      collateralJustification: text('justification'),
    });
    const authorisationId: string = applied.authorisations[0].id;
    await decideAuthorisation(kit.ctx, await scopeFor(kit.ctx, ao), id, authorisationId, {
      decision: 'grant',
      reasons: text('reasons'),
    });
    const reviewed = await post(`/authorisations/${authorisationId}/reviews`, {
      useMade: text('use'),
      tasks: text('tasks'),
      information: text('information'),
    });
    const renewed = await post(`/authorisations/${authorisationId}/renewals`, {
      justification: text('renewal'),
    });
    const withCca = await post('/ccas', {
      conduct: text('conduct'),
      grounds: 'crime-or-disorder',
      necessity: text('necessity'),
      proportionality: text('proportionality'),
    });
    const glass = await requestBreakGlass(
      kit.ctx,
      await scopeFor(kit.ctx, keeper),
      id,
      text('break-glass reason'),
    );
    void reviewed;
    return {
      params: {
        id,
        requestId,
        roleId: withCca.roles.find((r: { officer: { id: string } }) => r.officer.id === keeper.id).id,
        breakGlassId: glass.state.breakGlass[0]!.id,
        authorisationId,
        reviewId: renewed.authorisations[0].reviews[0].id,
        renewalId: renewed.authorisations[0].renewals[0].id,
        ccaId: withCca.ccas[0].id,
      },
      compartmentId: created.compartmentId,
      name,
    };
  },
  named,
  destroys: ['POST /api/sources/:id/cancel', 'POST /api/sources/:id/close'],
  writes: { 'POST /api/sources': 'registers a prospect (the unique-name oracle: its pseudonym)' },
  createNamed: (_kit, who, name, _hidden, marking) => createSource(who, { ...marking, pseudonym: name }),
};
