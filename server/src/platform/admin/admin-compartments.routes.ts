import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  compartmentIdParams,
  compartmentResponse,
  compartmentsResponse,
  createCompartmentRequest,
  grantMembershipRequest,
  membershipParams,
} from '#shared/contracts/admin';
import type { AppContext } from '../../app-context';
import { authorOf } from './admin-users.routes';
import { loadCompartment, loadCompartments } from './admin.views';
import { createCompartment } from './use-cases/create-compartment';
import { grantMembership, revokeMembership } from './use-cases/membership';

/** Compartments and who is read into them. Every grant and revocation is audited. */
export function registerAdminCompartmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const config = { access: { permission: 'compartments:manage' } } as const;
  const tags = ['admin'];

  api.get(
    '/api/admin/compartments',
    {
      config,
      schema: {
        tags,
        summary: 'Every compartment with its members',
        response: { 200: compartmentsResponse },
      },
    },
    async () => ({ compartments: await loadCompartments(db) }),
  );

  api.post(
    '/api/admin/compartments',
    {
      config,
      schema: {
        tags,
        summary: 'Create a compartment (operation, source or dataset)',
        body: createCompartmentRequest,
        response: { 201: compartmentResponse },
      },
    },
    async (request, reply) => {
      const created = await createCompartment(db, request.body, authorOf(ctx, request));
      return reply.status(201).send({ compartment: await loadCompartment(db, created.id) });
    },
  );

  api.post(
    '/api/admin/compartments/:compartmentId/members',
    {
      config,
      schema: {
        tags,
        summary: 'Read a user into a compartment (never oneself)',
        params: compartmentIdParams,
        body: grantMembershipRequest,
        response: { 200: compartmentResponse },
      },
    },
    async (request) => {
      const { compartmentId } = request.params;
      await grantMembership(db, compartmentId, request.body.userId, authorOf(ctx, request));
      return { compartment: await loadCompartment(db, compartmentId) };
    },
  );

  api.delete(
    '/api/admin/compartments/:compartmentId/members/:userId',
    {
      config,
      schema: {
        tags,
        summary: 'Remove a user from a compartment',
        params: membershipParams,
        response: { 200: compartmentResponse },
      },
    },
    async (request) => {
      const { compartmentId, userId } = request.params;
      await revokeMembership(db, compartmentId, userId, authorOf(ctx, request));
      return { compartment: await loadCompartment(db, compartmentId) };
    },
  );
}
