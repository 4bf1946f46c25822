import { dataKeyAad } from './aad.js';
import type { DataKeyStore } from './data-key-store.js';
import type { KeyProvider } from './key-provider.js';

export interface RotationResult {
  /** Master-key version every data key is now wrapped under. */
  readonly toVersion: number;
  /** Data keys seen. */
  readonly total: number;
  /** Re-wrapped by this run. */
  readonly rewrapped: number;
  /** Already under `toVersion` (e.g. done by an interrupted earlier run). */
  readonly alreadyCurrent: number;
  /** Changed by someone else between read and replace; re-run to cover them. */
  readonly conflicts: number;
}

export interface RotationOptions {
  /**
   * false: do not create a new master-key version, only re-wrap keys still under older versions
   * to the active one — to finish an interrupted rotation without minting yet another key.
   */
  readonly createNewVersion?: boolean;
}

/**
 * `lantern keys rotate`: creates a new master-key version and re-wraps every data key under it.
 *
 * Field ciphertexts are never read or written: their AAD names the data-key version, not the
 * master version, and the data keys themselves do not change — only their wrapping does.
 * Each key moves with one compare-and-swap, so at any instant a key is either old-wrapped or
 * new-wrapped (both decryptable, old versions stay in the provider), and re-running after an
 * interruption finishes the job. Old master versions may be retired only once a run reports
 * `conflicts: 0` and every process has restarted on the new version.
 */
export async function rotateMasterKey(
  provider: KeyProvider,
  store: DataKeyStore,
  options: RotationOptions = {},
): Promise<RotationResult> {
  const toVersion = options.createNewVersion === false ? provider.activeVersion() : await provider.rotate();
  let total = 0;
  let rewrapped = 0;
  let alreadyCurrent = 0;
  let conflicts = 0;

  for await (const row of store.listAll()) {
    total += 1;
    if (row.wrapped.masterVersion === toVersion) {
      alreadyCurrent += 1;
      continue;
    }
    const aad = dataKeyAad(row.table, row.recordId);
    const dataKey = await provider.unwrap(row.wrapped, aad);
    try {
      const next = await provider.wrap(dataKey, aad);
      if (await store.replace(row.table, row.recordId, row.wrapped, next)) rewrapped += 1;
      else conflicts += 1;
    } finally {
      dataKey.fill(0);
    }
  }
  return { toVersion, total, rewrapped, alreadyCurrent, conflicts };
}
