import { z } from 'zod';

// What the comms routes share: who may call them, and the ids in their paths.

export const readAccess = { permission: 'comms:read' } as const;
export const importAccess = { permission: 'comms:import' } as const;
export const destroyAccess = { permission: 'comms:destroy' } as const;

export const datasetParams = z.strictObject({ id: z.uuid() });
export const importParams = z.strictObject({ importId: z.uuid() });

/** Names of the parameters a caller gave (audited; never their values). */
export function givenFields(...parts: (object | undefined)[]): string[] {
  const names = new Set<string>();
  for (const part of parts) {
    if (!part) continue;
    for (const [key, value] of Object.entries(part)) {
      if (value === undefined) continue;
      if (key === 'scope' && value && typeof value === 'object')
        for (const k of Object.keys(value)) names.add(`scope.${k}`);
      else names.add(key);
    }
  }
  return [...names].sort();
}
