import type { TestProject } from 'vitest/node';
import { startTestPostgres, type TestPostgres } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    postgresDataDir: string;
    postgresBinDir: string;
  }
}

let server: TestPostgres | undefined;

/** Vitest global setup of the db-postgres project: one real PostgreSQL server for the run. */
export async function setup(project: TestProject): Promise<void> {
  server = await startTestPostgres();
  project.provide('postgresUrl', server.url);
  project.provide('postgresDataDir', server.dataDir);
  project.provide('postgresBinDir', server.binDir);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
