import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeFileExclusive } from '../../crypto/key-files.js';
import {
  type CheckpointJson,
  checkpointFromJson,
  checkpointToJson,
  type SignedCheckpoint,
} from './checkpoint.js';

/**
 * The witness: a copy of the latest signed checkpoint kept OUTSIDE the database (ideally on
 * another host or write-once storage). Whoever can delete audit rows can delete checkpoint rows
 * too; only a checkpoint beyond their reach proves how long the log was, so `verifyAuditLog`
 * detects a truncated tail. It holds hashes only, never event content.
 */
export function writeWitness(path: string, checkpoint: SignedCheckpoint): void {
  const dir = dirname(path);
  const temp = `.${basename(path)}.${randomBytes(6).toString('hex')}.new`;
  const body = Buffer.from(`${JSON.stringify(checkpointToJson(checkpoint), null, 2)}\n`, 'utf8');
  writeFileExclusive(dir, temp, body, 0o644);
  // rename over the old witness is atomic: a reader sees the old or the new, never half of one.
  renameSync(join(dir, temp), path);
}

/** Reads the witness checkpoint, or null if none was written yet. */
export function readWitness(path: string): SignedCheckpoint | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  return checkpointFromJson(JSON.parse(text) as CheckpointJson);
}
