import { z } from 'zod';
import { pageOf, pageQuery } from './pagination';
import { singleLineText } from './text';

/**
 * Personal access tokens (ADR 0021): what the CLI and scripts send as `Authorization: Bearer …`.
 * A token acts as its user, with the user's roles, clearance and compartments as of each request.
 */

/** Every token starts with this, so a leaked one is recognised (by people and secret scanners). */
export const ACCESS_TOKEN_PREFIX = 'lnt_';
/** `lnt_` and 43 base64url characters: 256 random bits. */
export const accessTokenPattern = /^lnt_[A-Za-z0-9_-]{43}$/;

export const ACCESS_TOKEN_DEFAULT_DAYS = 90;
export const ACCESS_TOKEN_MAX_DAYS = 365;
/** Tokens one user may hold at once (revoked and expired ones do not count). */
export const ACCESS_TOKENS_PER_USER = 50;

export const accessTokenName = singleLineText().trim().min(1, 'give the token a name').max(100);

export const createAccessTokenRequest = z.strictObject({
  /** What the token is for ("laptop CLI", "nightly import"): how its owner tells it apart. */
  name: accessTokenName,
  /** Days until the token stops working (every token expires). */
  expiresInDays: z
    .number()
    .int()
    .min(1)
    .max(ACCESS_TOKEN_MAX_DAYS, `at most ${ACCESS_TOKEN_MAX_DAYS} days`)
    .default(ACCESS_TOKEN_DEFAULT_DAYS),
});
export type CreateAccessTokenRequest = z.input<typeof createAccessTokenRequest>;

/** A token as its owner sees it: never the secret (only its hash is kept). */
export const accessTokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  /** Set at most once a minute by the requests the token makes; null if never used. */
  lastUsedAt: z.iso.datetime().nullable(),
  expired: z.boolean(),
  abilities: z.object({ revoke: z.boolean() }),
});
export type AccessTokenView = z.infer<typeof accessTokenView>;

/** The answer to a creation: the token and, this once, its secret. */
export const createAccessTokenResponse = z.object({
  token: accessTokenView,
  /** `lnt_…`: shown once; the server cannot show it again. */
  secret: z.string().regex(accessTokenPattern),
});
export type CreateAccessTokenResponse = z.infer<typeof createAccessTokenResponse>;

export const accessTokenListQuery = pageQuery(['createdAt', 'name', 'lastUsedAt', 'expiresAt'], {
  sort: '-createdAt',
});
export type AccessTokenListQuery = z.input<typeof accessTokenListQuery>;
export const accessTokenPage = pageOf(accessTokenView);
export type AccessTokenPage = z.infer<typeof accessTokenPage>;

export const accessTokenParams = z.strictObject({ id: z.uuid() });
