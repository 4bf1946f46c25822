import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#server/db/client';
import { seedDemo } from '#server/demo/seed';
import { findUserByUsername } from '#server/platform/auth/users.repo';
import { appPerFile, contextOf } from '../../../../../test/app';
import { buildSourcesDemo } from '../sources.demo';
import { scopeFor } from '../sources.factory';
import { findAnySourceByPseudonym } from '../sources.repo';
import { buildHandlingDemo } from './handling.demo';
import { readDashboard } from './use-cases/dashboard';
import { completenessOf, readHandling } from './use-cases/record';

// The handling demo on top of the sources demo: every handling tab shows something real.

let database: Database;
let app: FastifyInstance;
appPerFile((t) => ({ database, app } = t));

beforeAll(async () => {
  await seedDemo(database.db, { password: 'demo password for tests' });
  await buildSourcesDemo(contextOf(app));
  await buildHandlingDemo(contextOf(app));
  await buildHandlingDemo(contextOf(app)); // idempotent: a restart adds nothing
}, 300_000);

async function as(username: string) {
  return scopeFor(contextOf(app), (await findUserByUsername(database.db, username))!);
}

describe('the handling demo', () => {
  it('gives TEAL a whole handling life, with a payment waiting for approval', async () => {
    const teal = (await findAnySourceByPseudonym(database.db, 'TEAL'))!;
    const result = await readHandling(contextOf(app), await as('handler'), teal.id);
    const h = result.handling;
    expect(h.riskAssessments).toHaveLength(1);
    expect(h.riskAssessments[0]!.confirmedAt).not.toBeNull();
    expect(h.taskings.length).toBeGreaterThan(0);
    expect(new Set(h.contacts.map((c) => c.state))).toEqual(new Set(['held', 'missed', 'planned']));
    expect(h.reports).toHaveLength(1);
    expect(h.products).toHaveLength(1);
    expect(h.rewards.map((r) => r.state).sort()).toEqual(['paid', 'requested']);
    expect(h.disclosures).toHaveLength(1);
    const record = completenessOf(result.state, h);
    expect(record.particulars.filter((p) => p.state === 'missing').map((p) => p.particular)).toEqual([]);
  });

  it("fills the handler's dashboard and the juvenile's meetings name the appropriate adult", async () => {
    const dashboard = await readDashboard(contextOf(app), await as('handler'));
    expect(dashboard.asHandler.length).toBeGreaterThan(0);
    expect(dashboard.tasksDue.length).toBeGreaterThan(0);
    const vesper = (await findAnySourceByPseudonym(database.db, 'VESPER'))!;
    const result = await readHandling(contextOf(app), await as('handler'), vesper.id);
    expect(result.handling.contacts.length).toBeGreaterThan(0);
    for (const c of result.handling.contacts) expect(c.appropriateAdult).toBe('A. Example (aunt)');
    const controller = await readDashboard(contextOf(app), await as('controller'));
    expect(controller.rewardsAwaitingDecision.length).toBeGreaterThan(0);
  });
});
