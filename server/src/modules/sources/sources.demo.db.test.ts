import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#server/db/client';
import { seedDemo } from '#server/demo/seed';
import { findUserByUsername } from '#server/platform/auth/users.repo';
import { appPerFile, contextOf } from '../../../../test/app';
import { computedAlerts, sourceFlags } from './source-facts';
import { loadFacts } from './source-state';
import { buildSourcesDemo } from './sources.demo';
import { scopeFor } from './sources.factory';
import { allVisibleSources } from './sources.repo';
import { listQueue } from './use-cases/queue';
import { withActorTx } from '#server/platform/access/actor-tx';

let database: Database;
let app: FastifyInstance;
appPerFile((t) => ({ database, app } = t));

beforeAll(async () => {
  await seedDemo(database.db, { password: 'demo password for tests' });
  await buildSourcesDemo(contextOf(app));
  await buildSourcesDemo(contextOf(app)); // idempotent: a restart adds nothing
}, 240_000);

async function everything(username: string) {
  const ctx = contextOf(app);
  const user = (await findUserByUsername(database.db, username))!;
  const scope = await scopeFor(ctx, user);
  return withActorTx(ctx, scope, async (tx) => {
    const rows = await allVisibleSources(tx);
    return { rows, facts: await loadFacts(ctx, tx, rows), scope };
  });
}

describe('the sources demo', () => {
  it('makes about thirty sources in every state, all read to the inspector, once', async () => {
    const { rows } = await everything('inspector');
    expect(rows.length).toBeGreaterThanOrEqual(30);
    const statuses = new Set(rows.map((r) => r.status));
    for (const status of [
      'prospect',
      'approach-approved',
      'recruited',
      'authorised',
      'suspended',
      'cancelled',
      'closed',
    ])
      expect(statuses, status).toContain(status);
  });

  it('shows every flag and alert of issue 20 on first start', async () => {
    const { rows, facts } = await everything('inspector');
    const ctx = contextOf(app);
    const now = ctx.clock.now();
    const all = rows.map((r) => facts.get(r.id)!);
    const flags = all.map((f) => ({ f, flags: sourceFlags(f, now, ctx.config.sources) }));
    const fifteen = flags.find((x) => x.f.source.pseudonym === 'VESPER')!;
    expect(fifteen.flags).toMatchObject({
      juvenile: true,
      under16: true,
      appropriateAdultRecorded: true,
      authorisationInForce: true,
    });
    expect(flags.some((x) => x.flags.vulnerable && x.flags.authorisationInForce)).toBe(true);
    const kinds = new Set(all.flatMap((f) => computedAlerts(f, now, ctx.config.sources).map((a) => a.kind)));
    for (const kind of [
      'authorisation-expiring',
      'authorisation-expired',
      'review-overdue',
      'cca-notice-due',
      'write-up-due',
      'arrangements-lapsed',
      'break-glass',
    ])
      expect(kinds, kind).toContain(kind);
    const undercover = all.find((f) => f.source.pseudonym === 'YARROW')!;
    const days = (now.getTime() - undercover.authorisations[0]!.grantedAt!.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(340);
    expect(days).toBeLessThan(365);
  });

  it("puts requests to approach, applications, renewals and reviews in the demo AO's queue, oldest first", async () => {
    const ctx = contextOf(app);
    const ao = (await findUserByUsername(database.db, 'authorising-officer'))!;
    const items = await listQueue(ctx, await scopeFor(ctx, ao));
    expect(new Set(items.map((i) => i.kind))).toEqual(
      new Set(['approach', 'application', 'renewal', 'review']),
    );
    expect(items.map((i) => i.submittedAt)).toEqual([...items.map((i) => i.submittedAt)].sort());
  });
});
