// The schema index: every module's tables, so Drizzle (queries and drizzle-kit) sees them all.
export * from '../platform/auth/auth.schema';
export * from './meta.schema';
