import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '#shared/contracts/roles';
import type { ModuleManifest } from '#shared/modules/manifest';

/** A marker put in every string a hidden record stores: found in an answer, it leaked. */
export function hasCanary(body: string, canary: string, except: readonly string[] = []): boolean {
  let text = body;
  for (const allowed of except) text = text.split(allowed).join('');
  return text.toUpperCase().includes(canary.toUpperCase());
}

/** An answer with the record ids replaced, so a hidden id's answer compares with an unknown id's. */
export function normalised(res: LightMyRequestResponse, ids: readonly string[]): string {
  let body = res.body;
  for (const id of ids) body = body.split(id).join('<id>');
  return `${res.statusCode} ${body}`;
}

/**
 * Staff roles that together hold every permission of the module (never the administrator's): the
 * outsiders may call every route, so need-to-know alone keeps them out.
 */
export function rolesHoldingAll(manifest: ModuleManifest): Role[] {
  const chosen: Role[] = [];
  for (const grant of Object.values(manifest.permissions)) {
    const holders = grant.roles.filter((role) => role !== 'admin');
    if (holders.length === 0) throw new Error(`${manifest.name}: a permission only the admin holds`);
    if (!holders.some((role) => chosen.includes(role))) chosen.push(holders[0]!);
  }
  return chosen;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Milliseconds `work` took. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}
