import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { type SourceListQuery, sourceListQuery } from '#shared/contracts/sources';
import { fixedClock } from '#server/platform/clock';
import { appPerFile, contextOf } from '../../../../../test/app';
import { buildOfficer, buildSource, scopeFor } from '../sources.factory';
import { applyForCca, decideCca } from './ccas';
import { countSources, listSources } from './list-sources';
import { endRole } from './roles';

// The register's filters (issue 20, item 9): next review and expiry before a date, and the flags —
// vulnerable, CCA in force and lapsed arrangements in SQL, juvenile from the vault after SQL.

let app: FastifyInstance;
const clock = fixedClock(new Date('2026-03-10T09:30:00Z'));
const designated = `cca-${randomBytes(4).toString('hex')}`;
appPerFile((t) => ({ app } = t), clock, { LANTERN_SOURCES_CCA_OFFICERS: designated });
const ctx = () => contextOf(app);

describe('the register, filtered', () => {
  it('filters by next review, expiry and each flag, paging and counting what matches', async () => {
    const handler = await buildOfficer(ctx(), 'handler');
    const ao = await buildOfficer(ctx(), 'authorising-officer', { username: designated });
    const people = { handler, ao };
    const routine = await buildSource(ctx(), { people, pseudonym: 'FILTER ROUTINE', reviewEveryDays: 30 });
    await buildSource(ctx(), { people, pseudonym: 'FILTER LONG', reviewEveryDays: 200 });
    await buildSource(ctx(), {
      people,
      pseudonym: 'FILTER CHILD',
      stage: 'prospect',
      identity: { dateOfBirth: '2012-05-01', appropriateAdult: 'A parent' },
    });
    await buildSource(ctx(), { people, pseudonym: 'FILTER VULNERABLE', stage: 'prospect', vulnerable: true });
    const lapsed = await buildSource(ctx(), { people, pseudonym: 'FILTER LAPSED' });
    const controller = lapsed.result.state.roles.find((r) => r.role === 'controller')!;
    await endRole(ctx(), await scopeFor(ctx(), handler), lapsed.id, controller.id, 'Posted elsewhere.');
    const withCca = await buildSource(ctx(), { people, pseudonym: 'FILTER CCA' });
    const applied = await applyForCca(ctx(), await scopeFor(ctx(), handler), withCca.id, {
      conduct: 'c',
      grounds: 'crime-or-disorder',
      necessity: 'n',
      proportionality: 'p',
      noForeseeableHarm: false,
    });
    await decideCca(ctx(), await scopeFor(ctx(), ao), withCca.id, applied.state.ccas[0]!.id, {
      decision: 'grant',
      reasons: 'r',
    });
    // A month on: the routine source's monthly review is due; the others' are not.
    clock.set(new Date('2026-04-20T09:30:00Z'));
    const scope = await scopeFor(ctx(), handler);
    const names = async (query: Record<string, unknown>) => {
      const parsed: SourceListQuery = sourceListQuery.parse({ sort: 'pseudonym', ...query });
      const page = await listSources(ctx(), scope, parsed);
      expect(await countSources(ctx(), scope, parsed)).toBe(page.total);
      return { names: page.items.map((f) => f.source.pseudonym), total: page.total };
    };
    expect((await names({})).total).toBe(6);
    expect(await names({ reviewDueBefore: '2026-04-15' })).toEqual({ names: ['FILTER ROUTINE'], total: 1 });
    expect((await names({ expiresBefore: '2027-03-11' })).total).toBe(4);
    expect((await names({ expiresBefore: '2027-03-10' })).total).toBe(0);
    expect(await names({ flag: 'vulnerable' })).toEqual({ names: ['FILTER VULNERABLE'], total: 1 });
    expect(await names({ flag: 'cca' })).toEqual({ names: ['FILTER CCA'], total: 1 });
    expect(await names({ flag: 'lapsed' })).toEqual({ names: ['FILTER LAPSED'], total: 1 });
    expect(await names({ flag: 'juvenile' })).toEqual({ names: ['FILTER CHILD'], total: 1 });
    expect(await names({ flag: 'juvenile', status: 'authorised' })).toEqual({ names: [], total: 0 });
    expect(await names({ flag: 'juvenile', offset: 1 })).toEqual({ names: [], total: 1 });
    expect(routine.result.state.source.status).toBe('authorised');
  });
});
