import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import { insertMeta, readMeta } from '../db/meta.repo';
import { createUser } from '../platform/auth/use-cases/create-user';
import { type Clock, systemClock } from '../platform/clock';
import { findUserByUsername, setUserMarkings } from '../platform/auth/users.repo';
import { demoUsers } from './demo-users';
import { consoleScope } from '../platform/request-scope';

const seededKey = 'demo_seeded_at';

export interface SeedResult {
  seeded: boolean;
  /** Only when the seed generated it: shown once to the person starting Lantern. */
  generatedPassword?: string;
  usernames: string[];
}

export async function isDemoSeeded(db: Db): Promise<boolean> {
  return (await readMeta(db, seededKey)) !== undefined;
}

/**
 * Creates the demo accounts once. A restart finds the marker and changes nothing, so data the
 * user made is never overwritten.
 */
export async function seedDemo(
  db: Db,
  options: { password?: string | undefined; clock?: Clock },
): Promise<SeedResult> {
  const scope = consoleScope(options.clock ?? systemClock);
  const usernames = demoUsers.map((u) => u.username);
  if (await isDemoSeeded(db)) return { seeded: false, usernames };
  const generated = options.password ? undefined : randomBytes(12).toString('base64url');
  const password = options.password ?? generated!;
  await db.transaction(async (tx) => {
    for (const user of demoUsers) {
      if (await findUserByUsername(tx, user.username)) continue;
      const { clearance, ...account } = user;
      const created = await createUser(tx, { ...account, password }, scope);
      if (clearance) await setUserMarkings(tx, created.id, { clearance, caveats: [] }, scope.clock.now());
    }
    const at = scope.clock.now();
    await insertMeta(tx, seededKey, at.toISOString(), at);
  });
  return generated ? { seeded: true, generatedPassword: generated, usernames } : { seeded: true, usernames };
}
