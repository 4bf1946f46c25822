import { createHash, randomBytes } from 'node:crypto';
import { ACCESS_TOKEN_PREFIX, accessTokenPattern } from '#shared/contracts/tokens';
import type { Queryable } from '../../../db/client';
import type { Clock } from '../../clock';
import type { PersonalAccessTokenRow } from '../tokens.schema';
import { findAccessTokenByHash, touchToken } from './tokens.repo';

/** A new secret: the prefix and 256 random bits (base64url). Shown once, never stored. */
export function newAccessTokenSecret(): string {
  return `${ACCESS_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * What is stored of a secret: its SHA-256. A slow hash is not needed: the secret is 256 random
 * bits, not a password people choose, so the hash cannot be searched backwards.
 */
export function accessTokenHash(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** Why a presented token was refused (audited by name; the secret never is). */
export type TokenRefusal = 'malformed' | 'unknown' | 'revoked' | 'expired';

export type ResolvedToken =
  | { ok: true; token: PersonalAccessTokenRow }
  | { ok: false; reason: TokenRefusal; tokenId: string | null };

/** Writes last-used at most once a minute: enough to answer "is this token still used?". */
const TOUCH_EVERY_MS = 60_000;

/** The token a bearer secret names, if it may act now; its last-used time kept up to date. */
export async function resolveAccessToken(q: Queryable, clock: Clock, secret: string): Promise<ResolvedToken> {
  if (!accessTokenPattern.test(secret)) return { ok: false, reason: 'malformed', tokenId: null };
  const token = await findAccessTokenByHash(q, accessTokenHash(secret));
  if (!token) return { ok: false, reason: 'unknown', tokenId: null };
  if (token.revokedAt) return { ok: false, reason: 'revoked', tokenId: token.id };
  const now = clock.now();
  if (now.getTime() >= token.expiresAt.getTime()) return { ok: false, reason: 'expired', tokenId: token.id };
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOUCH_EVERY_MS)
    await touchToken(q, token.id, now);
  return { ok: true, token };
}

/** The bearer secret of a request, if it sends one (`Authorization: Bearer …`). */
export function bearerSecretOf(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const match = /^Bearer[ \t]+(\S*)[ \t]*$/i.exec(authorization);
  return match ? (match[1] ?? '') : undefined;
}
