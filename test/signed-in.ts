import type { FastifyInstance } from 'fastify';
import type { Classification } from '#shared/contracts/markings';
import type { Role } from '#shared/contracts/roles';
import type { Queryable } from '#server/db/client';
import { addMemberships } from '#server/platform/access/access.factory';
import type { UserRow } from '#server/platform/auth/auth.schema';
import { buildUser } from '#server/platform/auth/user.factory';
import { TestClient } from './app';

/** What a test user holds besides roles: clearance, caveats, and the compartments they are read into. */
export interface TestMarkings {
  /** Default: SECRET, as the demo's staff (Developed Vetting); OFFICIAL for an administrator only. */
  clearance?: Classification;
  caveats?: string[];
  /** Compartment ids the user is read into. */
  compartments?: string[];
}

/** A new user with these roles and markings, signed in on a fresh client (the test kit's one way in). */
export async function signedIn(
  app: FastifyInstance,
  q: Queryable,
  roles: Role[],
  markings: TestMarkings = {},
): Promise<{ user: UserRow; client: TestClient }> {
  const staff = roles.some((role) => role !== 'admin');
  const user = await buildUser(q, {
    roles,
    clearance: markings.clearance ?? (staff ? 'SECRET' : 'OFFICIAL'),
    caveats: markings.caveats ?? [],
  });
  await addMemberships(q, user.id, markings.compartments ?? []);
  const client = new TestClient(app);
  const res = await client.signIn(user.username);
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  return { user, client };
}
