import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { sourceRules } from '#shared/contracts/sources';
import { fixedClock } from '#server/platform/clock';
import { appPerFile, contextOf } from '../../../../../test/app';
import { approachApproved, buildOfficer, buildSource, scopeFor } from '../sources.factory';
import { refusal } from '../sources.test-support';
import { sourceFlags } from '../source-facts';
import { recordRecruitment } from './approach-and-recruitment';
import { createSource } from './create-source';
import { readSource } from './read-source';
import { applyForRenewal, decideRenewal } from './renewals';
import { submitReview } from './reviews';

// The clocks of a source's authorisation with an injected clock (RIPA s.43(3), SI 2000/2793).

let app: FastifyInstance;
const clock = fixedClock(new Date('2026-03-10T09:30:00Z'));
const senior = `senior-${randomBytes(4).toString('hex')}`;
appPerFile((t) => ({ app } = t), clock, { LANTERN_SOURCES_SENIOR_AOS: senior });

const start = () => clock.set(new Date('2026-03-10T09:30:00Z'));
const review = { useMade: 'Used as planned.', tasks: 'Two tasks.', information: 'Three reports.' };

describe('the life of a source', () => {
  it('goes prospect → approach-approved → recruited → authorised: 12 months from the start of the day of grant', async () => {
    start();
    const built = await buildSource(contextOf(app));
    const { state } = built.result;
    expect(state.source.status).toBe('authorised');
    expect(state.source.urn).toMatch(/^SRC-2026-\d{4}$/);
    const granted = state.authorisations[0]!;
    expect(granted.status).toBe('granted');
    expect(granted.expiresAt!.toISOString()).toBe('2027-03-10T00:00:00.000Z');
    expect(granted.nextReviewDue!.toISOString()).toBe('2026-06-08T09:30:00.000Z');
    expect(state.source.expiresAt).toEqual(granted.expiresAt);
  });

  it('never reuses a URN: each registration draws the next number', async () => {
    start();
    const ctx = contextOf(app);
    const handler = await buildOfficer(ctx, 'handler');
    const urns = [];
    for (const pseudonym of ['URN ONE', 'URN TWO'])
      urns.push(
        (
          await createSource(ctx, await scopeFor(ctx, handler), {
            classification: 'SECRET',
            caveats: [],
            pseudonym,
            type: 'member-of-public',
          })
        ).state.source.urn,
      );
    const [a, b] = urns.map((u) => Number(u.slice(-4)));
    expect(b).toBeGreaterThan(a!);
  });

  it('grants an urgent application for 72 hours', async () => {
    start();
    const built = await buildSource(contextOf(app), {
      application: { urgency: 'urgent', urgencyReason: 'A meeting tonight.' },
    });
    expect(built.result.state.authorisations[0]!.expiresAt!.toISOString()).toBe('2026-03-13T09:30:00.000Z');
  });

  it('grants a juvenile 4 months with monthly reviews, by an AO of the higher level', async () => {
    start();
    const ctx = contextOf(app);
    const ao = await buildOfficer(ctx, 'authorising-officer', { username: `${senior}` });
    const built = await buildSource(ctx, {
      people: { ao },
      identity: { dateOfBirth: '2010-01-15', appropriateAdult: 'An aunt' },
    });
    const granted = built.result.state.authorisations[0]!;
    expect(granted).toMatchObject({ juvenileAtGrant: true, reviewEveryDays: 30 });
    expect(granted.expiresAt!.toISOString()).toBe('2026-07-10T00:00:00.000Z');
  });

  it('drops the juvenile flag on the 18th birthday, by the clock', async () => {
    start();
    const ctx = contextOf(app);
    const built = await buildSource(ctx, { stage: 'prospect', identity: { dateOfBirth: '2008-04-02' } });
    const at = async (iso: string) => {
      clock.set(new Date(iso));
      const { state } = await readSource(ctx, await scopeFor(ctx, built.people.handler), built.id);
      return sourceFlags(state, clock.now(), ctx.config.sources).juvenile;
    };
    expect(await at('2026-04-01T23:59:59Z')).toBe(true);
    expect(await at('2026-04-02T00:00:00Z')).toBe(false);
  });

  it('refuses a renewal until a review covers the period since the grant, then runs on from the old expiry', async () => {
    start();
    const ctx = contextOf(app);
    const built = await buildSource(ctx);
    const { handler, ao } = built.people;
    clock.set(new Date('2027-02-20T10:00:00Z'));
    let result = await applyForRenewal(ctx, await scopeFor(ctx, handler), built.id, built.authorisationId!, {
      justification: 'Still needed.',
    });
    const renewalId = result.state.renewals[0]!.id;
    const decision = { decision: 'grant' as const, reasons: 'Reviewed and still necessary.' };
    expect(
      await refusal(decideRenewal(ctx, await scopeFor(ctx, ao), built.id, renewalId, decision)),
    ).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: sourceRules.renewalReview,
    });
    await submitReview(ctx, await scopeFor(ctx, handler), built.id, built.authorisationId!, review);
    result = await decideRenewal(ctx, await scopeFor(ctx, ao), built.id, renewalId, decision);
    expect(result.state.authorisations[0]!.expiresAt!.toISOString()).toBe('2028-03-10T00:00:00.000Z');
    expect(result.state.renewals[0]).toMatchObject({ status: 'granted' });
    expect(result.state.reviews[0]!.consideredAt).not.toBeNull();
  });

  it('needs a new review for each renewal: one before the last renewal covers nothing after it', async () => {
    start();
    const ctx = contextOf(app);
    const built = await buildSource(ctx);
    const { handler, ao } = built.people;
    await submitReview(ctx, await scopeFor(ctx, handler), built.id, built.authorisationId!, review);
    clock.set(new Date('2027-02-20T10:00:00Z'));
    const decide = async () => {
      const applied = await applyForRenewal(
        ctx,
        await scopeFor(ctx, handler),
        built.id,
        built.authorisationId!,
        {
          justification: 'Again.',
        },
      );
      const pending = applied.state.renewals.find((r) => r.status === 'applied')!;
      return decideRenewal(ctx, await scopeFor(ctx, ao), built.id, pending.id, {
        decision: 'grant',
        reasons: 'r',
      });
    };
    await decide(); // the review of March 2026 covers the first renewal
    clock.set(new Date('2028-02-20T10:00:00Z'));
    expect(await refusal(decide())).toMatchObject({ rule: sourceRules.renewalReview });
  });

  it('refuses a renewal once the authorisation has ceased to have effect (s.43(4))', async () => {
    start();
    const ctx = contextOf(app);
    const built = await buildSource(ctx, { application: { urgency: 'urgent', urgencyReason: 'Now.' } });
    clock.set(new Date('2026-03-14T09:30:00Z'));
    expect(
      await refusal(
        applyForRenewal(ctx, await scopeFor(ctx, built.people.handler), built.id, built.authorisationId!, {
          justification: 'Late.',
        }),
      ),
    ).toMatchObject({ rule: sourceRules.renewBeforeExpiry });
  });

  it('refuses recruitment before an approved approach, and without the source volunteering', async () => {
    start();
    const ctx = contextOf(app);
    const built = await buildSource(ctx, { stage: 'prospect' });
    const recruit = async (volunteers: boolean) =>
      recordRecruitment(ctx, await scopeFor(ctx, built.people.handler), built.id, {
        recruitedOn: '2026-03-10',
        circumstances: 'c',
        motivation: 'm',
        volunteers,
      });
    expect(await refusal(recruit(true))).toMatchObject({ rule: sourceRules.approach });
    await approachApproved(
      ctx,
      await scopeFor(ctx, built.people.handler),
      await scopeFor(ctx, built.people.ao),
      built.id,
    );
    expect(await refusal(recruit(false))).toMatchObject({ rule: sourceRules.volunteers });
    expect((await recruit(true)).state.source.status).toBe('recruited');
  });
});
