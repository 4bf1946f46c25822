import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from './client';

export const healthSchema = z.object({
  status: z.string(),
  db: z.string(),
  version: z.string(),
});
export type Health = z.infer<typeof healthSchema>;

export function fetchHealth(signal?: AbortSignal): Promise<Health> {
  return api.get('/api/health', healthSchema, signal);
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
