/** Tamper-evident audit log math (RFC 6962 hashing, hash chain, signed checkpoints). No SQL here. */
export {
  type AuditAppendTx,
  type AuditLogReader,
  appendAuditEvent,
  type CheckpointWriter,
  createCheckpoint,
} from './audit-log-store.js';
export {
  type AuditEventInput,
  type ChainHead,
  chainHash,
  EMPTY_CHAIN_HEAD,
  GENESIS_CHAIN_HASH,
  nextStoredEvent,
} from './chain.js';
export {
  type Checkpoint,
  type CheckpointJson,
  type CheckpointSigner,
  checkpointBytes,
  checkpointFromJson,
  checkpointToJson,
  publicKeyId,
  type SignedCheckpoint,
  signCheckpoint,
  verifyCheckpointSignature,
} from './checkpoint.js';
export { type AuditEvent, canonicalEventBytes, eventLeafHash, type StoredEvent } from './event.js';
export {
  AUDIT_PUBLIC_KEY_FILE,
  AUDIT_SIGNING_KEY_FILE,
  Ed25519FileSigner,
  loadAuditPublicKey,
} from './file-signer.js';
export { MerkleFrontier } from './frontier.js';
export { EMPTY_TREE_HASH, leafHash, nodeHash } from './hash.js';
export { merkleTreeHead } from './merkle.js';
export { consistencyProof, inclusionProof, verifyConsistency, verifyInclusion } from './proofs.js';
export { type AuditFailureReason, type VerifyResult, verifyAuditLog } from './verify-audit-log.js';
export { readWitness, writeWitness } from './witness.js';
