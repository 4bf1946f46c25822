import { z } from 'zod';
import {
  accessTokenListQuery,
  accessTokenPage,
  accessTokenParams,
  createAccessTokenRequest,
  createAccessTokenResponse,
} from '#shared/contracts/tokens';
import type { AppContext } from '../../../app-context';
import { defineRoute, type RouteDefinition } from '../../modules/define-route';
import { createAccessToken } from './use-cases/create-access-token';
import { listAccessTokens } from './use-cases/list-access-tokens';
import { revokeAccessToken } from './use-cases/revoke-access-token';

/**
 * Account → Access tokens: the signed-in user's own personal access tokens (ADR 0021). Making one
 * needs the signed-in session (two-step verification satisfied, never a token); listing and
 * revoking may also be done with a token (`lantern tokens list|revoke`).
 */
export function accessTokenRoutes(ctx: AppContext): RouteDefinition[] {
  const { db } = ctx.database;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/auth/tokens',
      access: { permission: 'self', bearer: true },
      summary: 'Your personal access tokens (never their secrets)',
      query: accessTokenListQuery,
      response: accessTokenPage,
      handler: ({ scope, query }) => listAccessTokens(db, scope, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/auth/tokens',
      access: { permission: 'self' },
      summary: 'Make a personal access token; its secret is answered this once',
      body: createAccessTokenRequest,
      status: 201,
      response: createAccessTokenResponse,
      handler: async ({ scope, body, request }) => {
        const created = await createAccessToken(db, scope, body);
        request.log.info({ tokenId: created.token.id }, 'access token created');
        return created;
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/auth/tokens/:id',
      access: { permission: 'self', bearer: true },
      summary: 'Revoke one of your personal access tokens',
      params: accessTokenParams,
      status: 204,
      response: z.null(),
      handler: async ({ scope, params, request }) => {
        await revokeAccessToken(db, scope, params.id);
        request.log.info({ tokenId: params.id }, 'access token revoked');
        return undefined;
      },
    }),
  ];
}
