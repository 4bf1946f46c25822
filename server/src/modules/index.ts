import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context';
import { registerCommsRoutes } from './comms-data/comms.routes';

/**
 * Domain modules register their routes here, one line each (see docs/ARCHITECTURE.md,
 * "Adding a module").
 */
export async function registerModules(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await registerCommsRoutes(app, ctx);
}
