// The schema index: every module's tables, so Drizzle (queries and drizzle-kit) sees them all.
export * from '../platform/access/access.schema';
export * from '../platform/audit/audit.schema';
export * from '../platform/auth/auth.schema';
export * from '../platform/auth/mfa.schema';
export * from '../platform/auth/tokens.schema';
export * from '../platform/crypto/record-keys.schema';
export * from './meta.schema';
export * from '../modules/comms-data/comms.schema';
export * from '../modules/sources/sources.schema';
export * from '../modules/sources/handling/handling.schema';
