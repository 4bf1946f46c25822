import type { FastifyInstance } from 'fastify';
import type { Role } from '#shared/contracts/roles';
import { TestClient } from '../../../../test/app';
import type { Queryable } from '../../db/client';
import type { UserRow } from '../auth/auth.schema';
import { buildUser } from '../auth/user.factory';

export { buildCompartment } from '../access/access.factory';

/** A new user with these roles, signed in on a fresh client. */
export async function signedIn(
  app: FastifyInstance,
  q: Queryable,
  roles: Role[],
): Promise<{ user: UserRow; client: TestClient }> {
  const user = await buildUser(q, { roles });
  const client = new TestClient(app);
  const res = await client.signIn(user.username);
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  return { user, client };
}
