import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  adminUserResponse,
  adminUsersResponse,
  createUserRequest,
  createUserResponse,
  setClearanceRequest,
  setRolesRequest,
  userIdParams,
} from '#shared/contracts/admin';
import type { AppContext } from '../../app-context';
import { loadAdminUser, loadAdminUsers } from './admin.views';
import { createUserAccount } from './use-cases/create-user-account';
import { changeUserClearance } from './use-cases/set-user-clearance';
import { changeUserRoles } from './use-cases/set-user-roles';
import { resetUserMfa } from './use-cases/reset-user-mfa';
import { disableUserAccount, enableUserAccount } from './use-cases/set-user-status';
import { type RequestScope, scopeOf } from '../request-scope';

/** The signed-in administrator as the author of a change, for the audit log. */
export function authorOf(ctx: AppContext, request: FastifyRequest): RequestScope {
  return scopeOf(request, ctx.clock);
}

/**
 * User administration: accounts, roles, clearances, status. Managing access never grants reading
 * records: none of these permissions opens a compartment.
 */
export function registerAdminUserRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const read = { access: { permission: 'users:read' } } as const;
  const manage = { access: { permission: 'users:manage' } } as const;
  const tags = ['admin'];

  api.get(
    '/api/admin/users',
    {
      config: read,
      schema: { tags, summary: 'Every account with its access', response: { 200: adminUsersResponse } },
    },
    async () => ({ users: await loadAdminUsers(db) }),
  );

  api.get(
    '/api/admin/users/:userId',
    {
      config: read,
      schema: {
        tags,
        summary: 'One account with its access',
        params: userIdParams,
        response: { 200: adminUserResponse },
      },
    },
    async (request) => ({ user: await loadAdminUser(db, request.params.userId) }),
  );

  api.post(
    '/api/admin/users',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create an account with a generated one-time password',
        body: createUserRequest,
        response: { 201: createUserResponse },
      },
    },
    async (request, reply) => {
      const created = await createUserAccount(db, request.body, authorOf(ctx, request));
      const user = await loadAdminUser(db, created.user.id);
      return reply.status(201).send({ user, oneTimePassword: created.oneTimePassword });
    },
  );

  api.put(
    '/api/admin/users/:userId/roles',
    {
      config: manage,
      schema: {
        tags,
        summary: "Replace a user's roles",
        params: userIdParams,
        body: setRolesRequest,
        response: { 200: adminUserResponse },
      },
    },
    async (request) => {
      await changeUserRoles(db, request.params.userId, request.body.roles, authorOf(ctx, request));
      return { user: await loadAdminUser(db, request.params.userId) };
    },
  );

  api.put(
    '/api/admin/users/:userId/clearance',
    {
      config: manage,
      schema: {
        tags,
        summary: "Set a user's clearance and caveats",
        params: userIdParams,
        body: setClearanceRequest,
        response: { 200: adminUserResponse },
      },
    },
    async (request) => {
      await changeUserClearance(db, request.params.userId, request.body, authorOf(ctx, request));
      return { user: await loadAdminUser(db, request.params.userId) };
    },
  );

  api.post(
    '/api/admin/users/:userId/disable',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Disable an account and end its sessions',
        params: userIdParams,
        response: { 200: adminUserResponse },
      },
    },
    async (request) => {
      await disableUserAccount(db, request.params.userId, authorOf(ctx, request));
      return { user: await loadAdminUser(db, request.params.userId) };
    },
  );

  api.post(
    '/api/admin/users/:userId/enable',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Enable a disabled account',
        params: userIdParams,
        response: { 200: adminUserResponse },
      },
    },
    async (request) => {
      await enableUserAccount(db, request.params.userId, authorOf(ctx, request));
      return { user: await loadAdminUser(db, request.params.userId) };
    },
  );

  api.post(
    '/api/admin/users/:userId/mfa/reset',
    {
      config: manage,
      schema: {
        tags,
        summary:
          "Remove a user's two-step verification (lost authenticator); they enrol again at next sign-in",
        params: userIdParams,
        response: { 200: adminUserResponse },
      },
    },
    async (request) => {
      await resetUserMfa(db, request.params.userId, authorOf(ctx, request));
      return { user: await loadAdminUser(db, request.params.userId) };
    },
  );
}
