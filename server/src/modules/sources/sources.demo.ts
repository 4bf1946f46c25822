import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../app-context';
import { insertMeta, readMeta } from '../../db/meta.repo';
import { grantMembership } from '../../platform/admin/use-cases/membership';
import type { UserRow } from '../../platform/auth/auth.schema';
import { findUserByUsername } from '../../platform/auth/users.repo';
import { fixedClock } from '../../platform/clock';
import { consoleScope } from '../../platform/request-scope';
import {
  type BuiltSource,
  buildOfficer,
  buildSource,
  type SourceOverrides,
  type SourcePeople,
  scopeFor,
} from './sources.factory';
import { demoStories } from './sources.demo-stories';
import { findAnySourceByPseudonym } from './sources.repo';

const DAY = 86_400_000;
const seededKey = 'sources_demo_seeded_at';

/** A demo story: a source built with the clock set back `daysAgo` days, a day between its steps. */
export interface DemoStory {
  daysAgo: number;
  team: 'a' | 'b' | 'c' | 'senior-c';
  overrides: SourceOverrides;
  /** What happens after it was built (renewals, CCAs, cancellations), at days before now. */
  after?: (story: StoryKit) => Promise<void>;
}

export interface StoryKit {
  ctx: AppContext;
  built: BuiltSource;
  people: SourcePeople & { recordKeeper: UserRow };
  /** The story's scope for `user` at `daysAgo` days before now. */
  at: (user: UserRow, daysAgo: number) => ReturnType<typeof scopeFor>;
}

async function demoOfficer(
  ctx: AppContext,
  username: string,
  displayName: string,
  role: 'handler' | 'controller' | 'authorising-officer',
) {
  // A demo officer only named on records: a password nobody knows (an administrator may reset it).
  return (
    (await findUserByUsername(ctx.database.db, username)) ??
    buildOfficer(ctx, role, {
      username,
      displayName,
      clearance: 'SECRET',
      password: randomBytes(24).toString('base64url'),
    })
  );
}

/**
 * About thirty sources across the demo's handlers and every state (issue 20, item 10), each told by
 * the module's factories through its own use cases with a clock set back to when the story
 * happened: their rules ran as they would have. The inspector is read into each (an
 * administrator's grant, here the console's). Made once: the marker in app_meta says it was.
 */
export async function buildSourcesDemo(ctx: AppContext): Promise<void> {
  const { db } = ctx.database;
  if ((await readMeta(db, seededKey)) !== undefined) return;
  const named = async (username: string) => findUserByUsername(db, username);
  const [handler, handler2, controller, ao, recordKeeper, inspector] = await Promise.all(
    ['handler', 'handler2', 'controller', 'authorising-officer', 'record-keeper', 'inspector'].map(named),
  );
  if (!handler || !handler2 || !controller || !ao || !recordKeeper) return;
  const handler3 = await demoOfficer(ctx, 'handler3', 'Leo Grant', 'handler');
  const controller2 = await demoOfficer(ctx, 'controller2', 'Nadia Osei', 'controller');
  const ao2 = await demoOfficer(ctx, 'authorising-officer2', 'Raj Patel', 'authorising-officer');
  const teams: Record<DemoStory['team'], SourcePeople> = {
    a: { handler, controller, recordKeeper, ao },
    b: { handler: handler2, controller, recordKeeper, ao },
    c: { handler: handler3, controller: controller2, recordKeeper, ao: ao2 },
    'senior-c': { handler: handler3, controller: controller2, recordKeeper, ao },
  };
  const now = ctx.clock.now().getTime();
  for (const story of demoStories(now)) {
    // A start that failed half-way left some stories told: tell only the others.
    if (story.overrides.pseudonym && (await findAnySourceByPseudonym(db, story.overrides.pseudonym)))
      continue;
    const clock = fixedClock(new Date(now - story.daysAgo * DAY));
    const people = teams[story.team];
    const built = await buildSource(ctx, {
      ...story.overrides,
      people,
      classification: story.overrides.classification ?? 'SECRET',
      clock,
      stepMs: DAY,
    });
    const kit: StoryKit = {
      ctx,
      built,
      people,
      at: (user, daysAgo) => scopeFor(ctx, user, fixedClock(new Date(now - daysAgo * DAY))),
    };
    if (story.after) await story.after(kit);
    if (inspector)
      await grantMembership(
        db,
        built.result.state.source.compartmentId,
        inspector.id,
        consoleScope(ctx.clock),
      );
  }
  const at = ctx.clock.now();
  await insertMeta(db, seededKey, at.toISOString(), at);
}
