import { queryOptions } from '@tanstack/react-query';
import { type HealthResponse, healthResponse } from '#shared/contracts/health';
import { api } from './client';

export type Health = HealthResponse;

export function fetchHealth(signal?: AbortSignal): Promise<Health> {
  return api.get('/api/health', healthResponse, signal);
}

const engineLabels: Record<string, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };

/** "PGlite" / "PostgreSQL"; unknown engines are shown as the server names them. */
export function databaseLabel(db: string): string {
  return engineLabels[db] ?? db;
}

export const healthQuery = queryOptions({
  queryKey: ['health'] as const,
  queryFn: ({ signal }) => fetchHealth(signal),
  staleTime: 60_000,
});
