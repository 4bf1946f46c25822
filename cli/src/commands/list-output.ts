import type { z } from 'zod';
import type { ApiClient, Query } from '../api/client';
import { printTable } from '../output';

// The CLI's neutral list helpers, shared by every module's commands (comms, sources): all the pages
// of a list endpoint, and a result printed as JSON or as a table.

/** Every item of a list endpoint (shared/contracts/pagination.ts), page by page. */
export async function allPages<T>(
  client: ApiClient,
  path: string,
  schema: z.ZodType<{ items: T[]; total: number }>,
  query: Query = {},
): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; ) {
    const page = await client.get(path, schema, { ...query, limit: 500, offset });
    items.push(...page.items);
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) return items;
  }
}

type Cell = string | number | boolean | null | undefined;

/** JSON with --json, else a table of `rows` (nested values flattened to text). */
export function output(json: boolean | undefined, result: unknown, rows: () => Record<string, Cell>[]): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  printTable(
    rows().map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          v === null || v === undefined ? '' : typeof v === 'boolean' ? String(v) : v,
        ]),
      ),
    ),
  );
}
