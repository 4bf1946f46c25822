import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { adminRules } from '#shared/contracts/admin';
import { appPerFile } from '../../../../test/app';
import type { Database } from '../../db/client';
import { buildUser } from '../auth/user.factory';
import { systemClock } from '../clock';
import { AppError } from '../errors';
import { signedIn } from '../../../../test/signed-in';
import { changeUserRoles } from './use-cases/set-user-roles';
import { disableUserAccount } from './use-cases/set-user-status';
import { consoleScope } from '../request-scope';

// Its own database: "the last administrator" needs a database where this file controls every admin.
let database: Database;
let app: FastifyInstance;
const cli = consoleScope(systemClock);

appPerFile((t) => ({ database, app } = t));

async function ruleOf(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error.details?.rule;
    throw error;
  }
  return undefined;
}

describe('the last administrator', () => {
  it('cannot lose the admin role or be disabled, from the API or the CLI', async () => {
    const { client: first, user: firstAdmin } = await signedIn(app, database.db, ['admin']);
    const { user: secondAdmin } = await signedIn(app, database.db, ['admin']);

    // Two admins: one may demote the other; then only `first` is left.
    const demote = await first.request('PUT', `/api/admin/users/${secondAdmin.id}/roles`, {
      roles: ['handler'],
    });
    expect(demote.statusCode).toBe(200);

    expect(await ruleOf(changeUserRoles(database.db, firstAdmin.id, ['handler'], cli))).toBe(
      adminRules.lastAdmin,
    );
    expect(await ruleOf(disableUserAccount(database.db, firstAdmin.id, cli))).toBe(adminRules.lastAdmin);
    // Still an admin, still signed in.
    expect((await first.request('GET', '/api/admin/users')).statusCode).toBe(200);

    // A disabled admin does not count as one that remains.
    const dormant = await buildUser(database.db, { roles: ['admin'] });
    await disableUserAccount(database.db, dormant.id, cli);
    expect(await ruleOf(changeUserRoles(database.db, firstAdmin.id, ['handler'], cli))).toBe(
      adminRules.lastAdmin,
    );
  });
});
