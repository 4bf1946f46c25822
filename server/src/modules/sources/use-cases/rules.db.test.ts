import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { sourceRules } from '#shared/contracts/sources';
import { findUserByUsername, setUserRoles } from '#server/platform/auth/users.repo';
import { fixedClock } from '#server/platform/clock';
import { appPerFile, contextOf } from '../../../../../test/app';
import { computedAlerts } from '../source-facts';
import { presentSource } from '../sources.presenter';
import { buildOfficer, buildSource, scopeFor } from '../sources.factory';
import { refusal } from '../sources.test-support';
import { applyForAuthorisation } from './apply-authorisation';
import { applyForCca, cancelCca, decideCca, recordCcaNotice, renewCca } from './ccas';
import { cancelSource } from './change-status';
import { decideAuthorisation } from './decide-authorisation';
import { readSource } from './read-source';
import { applyForRenewal, decideRenewal, recordJudicialApproval } from './renewals';
import { submitReview } from './reviews';
import { assignRole, endRole } from './roles';

// The rules of LAW.md §1 that refuse, each by its name, with an injected clock.

let app: FastifyInstance;
const clock = fixedClock(new Date('2026-03-10T09:30:00Z'));
const senior = `senior-${randomBytes(4).toString('hex')}`;
const designated = `cca-${randomBytes(4).toString('hex')}`;
appPerFile((t) => ({ app } = t), clock, {
  LANTERN_SOURCES_SENIOR_AOS: senior,
  LANTERN_SOURCES_CCA_OFFICERS: designated,
});

const start = () => clock.set(new Date('2026-03-10T09:30:00Z'));
const ctx = () => contextOf(app);
const review = { useMade: 'u', tasks: 't', information: 'i' };
/** The AO of the higher level named in this file's configuration (made once). */
async function seniorAo() {
  return (
    (await findUserByUsername(ctx().database.db, senior)) ??
    buildOfficer(ctx(), 'authorising-officer', { username: senior })
  );
}

/** The officer designated for CCAs in this file's configuration (made once). */
async function designatedOfficer() {
  return (
    (await findUserByUsername(ctx().database.db, designated)) ??
    buildOfficer(ctx(), 'authorising-officer', { username: designated })
  );
}

const cca = {
  conduct: 'c',
  grounds: 'crime-or-disorder' as const,
  necessity: 'n',
  proportionality: 'p',
  noForeseeableHarm: false,
};

describe('the s.29(5) people', () => {
  it('keeps the AO, handler and controller three different people', async () => {
    start();
    const built = await buildSource(ctx(), { stage: 'prospect' });
    const dual = await buildOfficer(ctx(), 'handler');
    await setUserRoles(
      ctx().database.db,
      dual.id,
      ['handler', 'controller', 'authorising-officer'],
      clock.now(),
    );
    const as = async () => scopeFor(ctx(), built.people.handler);
    await assignRole(ctx(), await as(), built.id, { role: 'handler', userId: dual.id });
    for (const role of ['controller', 'authorising-officer'] as const)
      expect(await refusal(assignRole(ctx(), await as(), built.id, { role, userId: dual.id }))).toMatchObject(
        {
          code: 'RULE_VIOLATION',
          rule: sourceRules.distinctPeople,
        },
      );
  });

  it('refuses self-authorisation: an AO who holds a role on the case may not decide it', async () => {
    start();
    const officer = await buildOfficer(ctx(), 'handler');
    await setUserRoles(ctx().database.db, officer.id, ['handler', 'authorising-officer'], clock.now());
    const handlerAo = { ...officer, roles: ['handler', 'authorising-officer'] };
    const built = await buildSource(ctx(), { stage: 'applied', people: { handler: handlerAo } });
    const decide = decideAuthorisation(
      ctx(),
      await scopeFor(ctx(), handlerAo),
      built.id,
      built.authorisationId!,
      {
        decision: 'grant',
        reasons: 'My own case.',
      },
    );
    expect(await refusal(decide)).toMatchObject({ code: 'RULE_VIOLATION', rule: sourceRules.ownCase });
  });

  it('refuses a grant without a handler, a controller and a record keeper in place', async () => {
    start();
    const built = await buildSource(ctx(), { stage: 'applied' });
    const keeperRole = built.result.state.roles.find((r) => r.role === 'record-keeper')!;
    await endRole(
      ctx(),
      await scopeFor(ctx(), built.people.handler),
      built.id,
      keeperRole.id,
      'Left the unit.',
    );
    const decide = decideAuthorisation(
      ctx(),
      await scopeFor(ctx(), built.people.ao),
      built.id,
      built.authorisationId!,
      {
        decision: 'grant',
        reasons: 'r',
      },
    );
    expect(await refusal(decide)).toMatchObject({ rule: sourceRules.arrangements });
  });

  it('flags lapsed arrangements when the controller leaves an authorised source, until it is cancelled', async () => {
    start();
    const built = await buildSource(ctx());
    const controllerRole = built.result.state.roles.find((r) => r.role === 'controller')!;
    const ended = await endRole(
      ctx(),
      await scopeFor(ctx(), built.people.handler),
      built.id,
      controllerRole.id,
      'Posted.',
    );
    expect(computedAlerts(ended.state, clock.now(), ctx().config.sources).map((a) => a.kind)).toContain(
      'arrangements-lapsed',
    );
    const cancelled = await cancelSource(
      ctx(),
      await scopeFor(ctx(), built.people.ao),
      built.id,
      'Arrangements lapsed.',
    );
    expect(cancelled.state.source.status).toBe('cancelled');
    expect(cancelled.state.authorisations[0]).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'Arrangements lapsed.',
    });
  });
});

describe('the authorisation level and the juvenile rules', () => {
  it('refuses a vulnerable source to an AO of the standard level; the higher level grants', async () => {
    start();
    const refused = await buildSource(ctx(), { vulnerable: true, stage: 'applied' });
    const decide = async (ao = refused.people.ao) =>
      decideAuthorisation(ctx(), await scopeFor(ctx(), ao), refused.id, refused.authorisationId!, {
        decision: 'grant',
        reasons: 'r',
      });
    expect(await refusal(decide())).toMatchObject({ rule: sourceRules.authorisationLevel });
    const granted = await buildSource(ctx(), { vulnerable: true, people: { ao: await seniorAo() } });
    expect(granted.result.state.authorisations[0]).toMatchObject({
      status: 'granted',
      vulnerableAtGrant: true,
    });
  });

  it('never authorises an under-16 against a parent or a person with parental responsibility', async () => {
    start();
    const built = await buildSource(ctx(), {
      stage: 'recruited',
      identity: { dateOfBirth: '2011-06-01', appropriateAdult: 'An aunt' },
    });
    const apply = applyForAuthorisation(ctx(), await scopeFor(ctx(), built.people.handler), built.id, {
      ground: 'crime-or-disorder',
      necessity: 'n',
      proportionality: 'p',
      purpose: 'pu',
      operation: 'OP',
      conduct: 'c',
      collateralIntrusion: 'ci',
      collateralJustification: 'cj',
      expectedMaterial: 'none',
      urgency: 'routine',
      againstParent: true,
    });
    expect(await refusal(apply)).toMatchObject({ rule: sourceRules.juvenileParent });
  });

  it('refuses a juvenile without an enhanced risk assessment', async () => {
    start();
    const high = await seniorAo();
    const built = await buildSource(ctx(), {
      stage: 'applied',
      enhancedRisk: false,
      identity: { dateOfBirth: '2009-06-01' },
      people: { ao: high },
    });
    const decide = decideAuthorisation(ctx(), await scopeFor(ctx(), high), built.id, built.authorisationId!, {
      decision: 'grant',
      reasons: 'r',
    });
    expect(await refusal(decide)).toMatchObject({ rule: sourceRules.juvenileRisk });
  });
});

describe('undercover officers (SI 2013/2788)', () => {
  it('refuses the renewal that takes an officer beyond 12 months on the operation until a Judicial Commissioner approves', async () => {
    start();
    const built = await buildSource(ctx(), {
      type: 'undercover-officer',
      application: { operation: 'OPERATION ELM' },
    });
    const { handler, ao } = built.people;
    clock.set(new Date('2027-02-25T09:00:00Z')); // about 11.5 months deployed
    await submitReview(ctx(), await scopeFor(ctx(), handler), built.id, built.authorisationId!, review);
    const applied = await applyForRenewal(
      ctx(),
      await scopeFor(ctx(), handler),
      built.id,
      built.authorisationId!,
      {
        justification: 'Still deployed.',
      },
    );
    const renewalId = applied.state.renewals[0]!.id;
    const decide = async () =>
      decideRenewal(ctx(), await scopeFor(ctx(), ao), built.id, renewalId, {
        decision: 'grant',
        reasons: 'r',
      });
    expect(await refusal(decide())).toMatchObject({ rule: sourceRules.longTermUndercover });
    await recordJudicialApproval(ctx(), await scopeFor(ctx(), ao), built.id, built.authorisationId!, {
      approvedOn: '2027-02-24',
      reference: 'IPC/JC/0042',
    });
    const renewed = await decide();
    expect(renewed.state.authorisations[0]!.expiresAt!.toISOString()).toBe('2028-03-10T00:00:00.000Z');
    // The page says how long, whether long-term, and the approval recorded.
    const p = { actor: renewed.viewer, now: clock.now(), config: ctx().config.sources };
    expect(presentSource(renewed.state, p).deployments).toEqual([
      {
        operation: 'operation elm',
        days: 351,
        longTerm: false,
        judicialApproval: { approvedOn: '2027-02-24', reference: 'IPC/JC/0042' },
      },
    ]);
    clock.set(new Date('2027-03-20T09:00:00Z'));
    const later = await readSource(ctx(), await scopeFor(ctx(), handler), built.id);
    const { deployments } = presentSource(later.state, { ...p, now: clock.now() });
    expect(deployments[0]).toMatchObject({ days: 374, longTerm: true });
  });
});

describe('criminal conduct authorisations', () => {
  it('refuses a CCA without a live source authorisation', async () => {
    start();
    const built = await buildSource(ctx(), { stage: 'recruited' });
    expect(
      await refusal(applyForCca(ctx(), await scopeFor(ctx(), built.people.handler), built.id, cca)),
    ).toMatchObject({
      rule: sourceRules.ccaParent,
    });
  });

  it('is renewed by a designated officer, running on from the old expiry, with a new 7-day notice', async () => {
    start();
    const designatedAo = await designatedOfficer();
    const built = await buildSource(ctx(), { people: { ao: designatedAo } });
    const { handler, ao } = { handler: built.people.handler, ao: designatedAo };
    const applied = await applyForCca(ctx(), await scopeFor(ctx(), handler), built.id, cca);
    const ccaId = applied.state.ccas[0]!.id;
    const granted = await decideCca(ctx(), await scopeFor(ctx(), ao), built.id, ccaId, {
      decision: 'grant',
      reasons: 'r',
    });
    expect(granted.state.ccas[0]!.expiresAt!.toISOString()).toBe('2027-03-10T00:00:00.000Z');
    clock.set(new Date('2026-09-01T10:00:00Z'));
    const plainAo = await buildOfficer(ctx(), 'authorising-officer');
    expect(
      await refusal(renewCca(ctx(), await scopeFor(ctx(), plainAo), built.id, ccaId, { reasons: 'r' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    const renewed = await renewCca(ctx(), await scopeFor(ctx(), ao), built.id, ccaId, {
      reasons: 'The conduct is still necessary.',
    });
    expect(renewed.state.ccas[0]!.expiresAt!.toISOString()).toBe('2028-03-10T00:00:00.000Z');
    expect(renewed.state.ccaRenewals[0]).toMatchObject({
      renewedBy: ao.id,
      reasons: 'The conduct is still necessary.',
    });
    const notice = renewed.state.notices.find((n) => n.event === 'renewal')!;
    expect(notice.dueAt.toISOString()).toBe('2026-09-08T10:00:00.000Z');
    // Not by someone else's case role; not once cancelled.
    expect(
      await refusal(renewCca(ctx(), await scopeFor(ctx(), handler), built.id, ccaId, { reasons: 'r' })),
    ).toMatchObject({ rule: sourceRules.ccaDesignated });
    await cancelCca(ctx(), await scopeFor(ctx(), ao), built.id, ccaId, 'No longer needed.');
    expect(
      await refusal(renewCca(ctx(), await scopeFor(ctx(), ao), built.id, ccaId, { reasons: 'r' })),
    ).toMatchObject({ rule: sourceRules.renewBeforeExpiry });
  });

  it('is granted by a designated officer only, and starts the 7-day notice clock, tracked until the notice is recorded', async () => {
    start();
    const designatedAo = await designatedOfficer();
    const built = await buildSource(ctx(), { people: { ao: designatedAo } });
    const { handler } = built.people;
    const applied = await applyForCca(ctx(), await scopeFor(ctx(), handler), built.id, cca);
    const ccaId = applied.state.ccas[0]!.id;
    clock.set(new Date('2026-03-11T10:00:00Z'));
    const granted = await decideCca(ctx(), await scopeFor(ctx(), designatedAo), built.id, ccaId, {
      decision: 'grant',
      reasons: 'r',
    });
    expect(granted.state.notices[0]).toMatchObject({ event: 'grant', notifiedAt: null });
    expect(granted.state.notices[0]!.dueAt.toISOString()).toBe('2026-03-18T10:00:00.000Z');
    clock.set(new Date('2026-03-19T10:00:00Z'));
    const read = await readSource(ctx(), await scopeFor(ctx(), handler), built.id);
    const due = computedAlerts(read.state, clock.now(), ctx().config.sources).find(
      (a) => a.kind === 'cca-notice-due',
    )!;
    expect(due.message).toContain('was due');
    const noticed = await recordCcaNotice(ctx(), await scopeFor(ctx(), designatedAo), built.id, ccaId, {
      reference: 'IPC/1',
    });
    expect(computedAlerts(noticed.state, clock.now(), ctx().config.sources).map((a) => a.kind)).not.toContain(
      'cca-notice-due',
    );
  });

  it('refuses a CCA decision by an AO who is not designated', async () => {
    start();
    const built = await buildSource(ctx());
    const applied = await applyForCca(ctx(), await scopeFor(ctx(), built.people.handler), built.id, cca);
    const decide = decideCca(
      ctx(),
      await scopeFor(ctx(), built.people.ao),
      built.id,
      applied.state.ccas[0]!.id,
      {
        decision: 'grant',
        reasons: 'r',
      },
    );
    expect(await refusal(decide)).toMatchObject({ rule: sourceRules.ccaDesignated });
  });
});
