import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context';

/**
 * Domain modules register their routes here, one line each (see docs/ARCHITECTURE.md,
 * "Adding a module").
 */
export async function registerModules(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}
