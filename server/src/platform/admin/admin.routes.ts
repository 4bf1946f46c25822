import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context';
import { registerAdminCompartmentRoutes } from './admin-compartments.routes';
import { registerAdminUserRoutes } from './admin-users.routes';

/** Administration without access: users, roles, clearances, compartments and memberships. */
export function registerAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerAdminUserRoutes(app, ctx);
  registerAdminCompartmentRoutes(app, ctx);
}
