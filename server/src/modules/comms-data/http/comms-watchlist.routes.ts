import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { partySchema, watchlistAddBody } from '#shared/contracts/comms';
import type { AppContext } from '../../../app-context';
import { writeAuditEvent } from '../../../platform/audit/audit.service';
import { actorOf } from '../../../platform/http/route-access';
import { insertWatchlistEntries, listWatchlist } from '../comms.repo';
import { actorTransact, importAccess, readAccess } from './route-helpers';

const listQuery = z.strictObject({
  number: partySchema.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The watchlist of subjects' numbers that every dataset's standing index cross-matches. */
export function registerWatchlistRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/comms/watchlist',
    { config: { access: importAccess }, schema: { body: watchlistAddBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      const added = await actorTransact(
        ctx,
        request,
      )(async (tx) => {
        const n = await insertWatchlistEntries(
          tx,
          request.body.entries.map((e) => ({ ...e, createdBy: actor.id })),
        );
        await writeAuditEvent(tx, ctx.clock, {
          actorId: actor.id,
          requestId: request.id,
          action: 'comms.watchlist.add',
          recordType: 'comms_watchlist',
          fields: ['number', 'subjectRef'],
        });
        return n;
      });
      return reply.status(201).send({ added });
    },
  );

  api.get(
    '/api/comms/watchlist',
    { config: { access: readAccess }, schema: { querystring: listQuery } },
    async (request) => {
      const actor = actorOf(request);
      const rows = await actorTransact(
        ctx,
        request,
      )(async (tx) => {
        await writeAuditEvent(tx, ctx.clock, {
          actorId: actor.id,
          requestId: request.id,
          action: 'comms.watchlist.read',
          recordType: 'comms_watchlist',
          fields: ['number', 'subjectRef'],
        });
        return listWatchlist(tx, request.query);
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          number: r.number,
          subjectRef: r.subjectRef,
          createdAt: r.createdAt.toISOString(),
        })),
      };
    },
  );
}
