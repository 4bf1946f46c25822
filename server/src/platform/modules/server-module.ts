import type { FastifyInstance } from 'fastify';
import type { ModuleManifest } from '#shared/modules/manifest';
import type { AppContext } from '../../app-context';
import type { RouteDefinition } from './define-route';

/** What a module opens once per process (stores, caches, job registries) and closes at shutdown. */
export interface ModuleServices {
  close?(): Promise<void>;
}

/**
 * A module's server side: its manifest, what it opens, its routes and its demo data. Collected in
 * server/src/modules/index.ts (one line a module); the app registers each enabled module's routes
 * in an encapsulated context of its own.
 */
export interface ServerModule<S extends ModuleServices = ModuleServices> {
  manifest: ModuleManifest;
  /** Opened when the app is built (after migrations), closed when it closes. */
  open?: (ctx: AppContext) => Promise<S>;
  /** Content-type parsers and hooks that apply to this module's routes only. */
  setup?: (scoped: FastifyInstance, ctx: AppContext, services: S) => void;
  routes: (ctx: AppContext, services: S) => readonly RouteDefinition[];
  /** Demo data made by the module's factories (the tests' own), at the first start of a demo. */
  demo?: (ctx: AppContext, services: S) => Promise<void>;
}

/** Declares a module's server side, keeping the type of its services. */
export function defineServerModule<S extends ModuleServices>(module: ServerModule<S>): ServerModule {
  return module as unknown as ServerModule;
}
