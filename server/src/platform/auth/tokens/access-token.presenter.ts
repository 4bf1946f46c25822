import type { AccessTokenView } from '#shared/contracts/tokens';
import type { PersonalAccessTokenRow } from '../tokens.schema';

/** A token as its owner sees it: name and dates, never the hash. */
export function presentAccessToken(row: PersonalAccessTokenRow, now: Date): AccessTokenView {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expired: now.getTime() >= row.expiresAt.getTime(),
    // Only the owner ever sees a token, and may always revoke it.
    abilities: { revoke: true },
  };
}
