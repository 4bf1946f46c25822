import path from 'node:path';
import type { Queryable } from '../../db/client';
import type { Clock } from '../clock';
import { headSeq, insertCheckpoint, latestCheckpointSize, pgAuditReader } from './audit.repo';
import {
  type CheckpointSigner,
  createCheckpoint,
  Ed25519FileSigner,
  loadAuditPublicKey,
  AUDIT_PUBLIC_KEY_FILE,
  readWitness,
  type SignedCheckpoint,
  type VerifyResult,
  verifyAuditLog,
  writeWitness,
} from './chain';

export const witnessFileName = 'audit-witness.json';

/** The signer and witness live in the key directory, outside the database. */
export interface AuditKeys {
  signer: CheckpointSigner;
  witnessPath: string;
  publicKeyPath: string;
}

export function openAuditKeys(keyDir: string): AuditKeys {
  return {
    signer: Ed25519FileSigner.open(keyDir),
    witnessPath: path.join(keyDir, witnessFileName),
    publicKeyPath: path.join(keyDir, AUDIT_PUBLIC_KEY_FILE),
  };
}

/**
 * Signs a checkpoint of the log as it stands, if it grew since the last one: stored in the
 * database and copied to the witness file outside it (so truncating both the log and its
 * checkpoints is still caught). Refuses to sign a log that no longer verifies.
 */
export async function checkpointIfGrown(
  q: Queryable,
  keys: AuditKeys,
  clock: Clock,
): Promise<SignedCheckpoint | null> {
  const [head, last] = [await headSeq(q), await latestCheckpointSize(q)];
  if (head === 0n || head === last) return null;
  const cp = await createCheckpoint(
    pgAuditReader(q),
    keys.signer,
    clock.now().toISOString(),
    readWitness(keys.witnessPath),
  );
  await insertCheckpoint(q, cp);
  writeWitness(keys.witnessPath, cp);
  return cp;
}

/** Verifies the whole chain against every stored checkpoint and the witness copy. */
export async function verifyAuditTrail(q: Queryable, keyDir: string): Promise<VerifyResult> {
  const reader = pgAuditReader(q);
  const witness = readWitness(path.join(keyDir, witnessFileName));
  const checkpoints = await reader.checkpoints();
  const publicKey = loadAuditPublicKey(path.join(keyDir, AUDIT_PUBLIC_KEY_FILE));
  return verifyAuditLog(reader.events(), witness ? [...checkpoints, witness] : checkpoints, publicKey);
}
