import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caveatSchema, classificationSchema } from '#shared/contracts/markings';
import { multiLineText, singleLineText } from '#shared/contracts/text';
import type { AppContext } from '../../server/src/app-context';
import type { Tx } from '../../server/src/db/client';
import { withActorTx } from '../../server/src/platform/access/actor-tx';
import { authorize, decide, type ProtectedRecord } from '../../server/src/platform/access/policy';
import { writeAuditEvent } from '../../server/src/platform/audit/audit.service';
import type { Actor } from '../../server/src/platform/auth/actor';
import { FieldCipher } from '../../server/src/platform/crypto';
import { PgDataKeyStore } from '../../server/src/platform/crypto/pg-data-key-store';
import { AppError } from '../../server/src/platform/errors';
import { actorOf } from '../../server/src/platform/http/route-access';
import {
  countVisibleRecords,
  deleteRecord,
  findVisibleRecord,
  insertRecord,
  listVisibleRecords,
  updateRecord,
} from './fixture.repo';
import type { FixtureRecordRow } from './fixture.schema';

const table = 'fixture_records';
const idParams = z.strictObject({ id: z.uuid() });
const createBody = z.strictObject({
  compartmentId: z.uuid(),
  classification: classificationSchema,
  caveats: z.array(caveatSchema).max(10).default([]),
  title: singleLineText().min(1).max(200),
  secret: multiLineText().min(1).max(10_000),
});
const listQuery = z.strictObject({
  q: singleLineText().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

function asProtected(row: FixtureRecordRow): ProtectedRecord {
  return {
    classification: row.classification as ProtectedRecord['classification'],
    caveats: row.caveats,
    compartmentId: row.compartmentId,
  };
}

/** Record → JSON: named fields only, plus what the actor may do with it (the UI never re-derives it). */
function present(actor: Actor, row: FixtureRecordRow) {
  const record = asProtected(row);
  return {
    id: row.id,
    title: row.title,
    classification: row.classification,
    caveats: row.caveats,
    compartmentId: row.compartmentId,
    createdAt: row.createdAt.toISOString(),
    abilities: {
      update: decide(actor, 'update', record).allowed,
      delete: decide(actor, 'delete', record).allowed,
      readSecret: decide(actor, 'read-sensitive', record).allowed,
    },
  };
}

async function loadVisible(tx: Tx, actor: Actor, id: string, action: Parameters<typeof authorize>[1]) {
  const row = await findVisibleRecord(tx, id);
  if (!row) throw AppError.notFound('Record');
  authorize(actor, action, asProtected(row), 'Record');
  return row;
}

/**
 * A module that exists only for tests (issue 3 item 8): records in compartments with an encrypted
 * field and get/list/search/count/export routes, so the security core is attacked through the
 * same paths every real module will have.
 */
export async function registerFixtureModule(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const access = { permission: 'self' } as const;
  const scope = (request: { id: string }, actor: Actor) => ({ actor, requestId: request.id });

  api.post(
    '/api/fixture/records',
    { config: { access }, schema: { body: createBody } },
    async (request, reply) => {
      const actor = actorOf(request);
      const body = request.body;
      // One may create only what one could see: the compartment and marking must be within reach.
      authorize(
        actor,
        'update',
        { classification: body.classification, caveats: body.caveats, compartmentId: body.compartmentId },
        'Compartment',
      );
      const row = await withActorTx(ctx, scope(request, actor), async (tx) => {
        const inserted = await insertRecord(tx, {
          compartmentId: body.compartmentId,
          classification: body.classification,
          caveats: body.caveats,
          title: body.title,
          createdBy: actor.id,
        });
        const secretEnc = await new FieldCipher(ctx.keys, new PgDataKeyStore(tx)).encryptField(body.secret, {
          table,
          column: 'secret',
          recordId: inserted.id,
        });
        await updateRecord(tx, inserted.id, { secretEnc });
        await writeAuditEvent(tx, ctx.clock, {
          actorId: actor.id,
          action: 'fixture.create',
          recordType: table,
          recordId: inserted.id,
          requestId: request.id,
          fields: ['title', 'classification', 'caveats', 'compartmentId', 'secret'],
        });
        return inserted;
      });
      return reply.status(201).send(present(actor, row));
    },
  );

  api.get(
    '/api/fixture/records',
    { config: { access }, schema: { querystring: listQuery } },
    async (request) => {
      const actor = actorOf(request);
      const { q, limit, offset } = request.query;
      return withActorTx(ctx, scope(request, actor), async (tx) => {
        // A search is audited: the parameter's name, never the words searched for.
        if (q) {
          await writeAuditEvent(tx, ctx.clock, {
            actorId: actor.id,
            action: 'fixture.search',
            recordType: table,
            requestId: request.id,
            fields: ['q'],
          });
        }
        return {
          items: (await listVisibleRecords(tx, { search: q, limit, offset })).map((row) =>
            present(actor, row),
          ),
          total: await countVisibleRecords(tx, q),
        };
      });
    },
  );

  api.get(
    '/api/fixture/records/count',
    { config: { access }, schema: { querystring: listQuery.pick({ q: true }) } },
    async (request) => {
      const actor = actorOf(request);
      return withActorTx(ctx, scope(request, actor), async (tx) => ({
        count: await countVisibleRecords(tx, request.query.q),
      }));
    },
  );

  api.get('/api/fixture/records/export', { config: { access } }, async (request) => {
    const actor = actorOf(request);
    return withActorTx(ctx, scope(request, actor), async (tx) => {
      const rows = await listVisibleRecords(tx, { limit: 10_000, offset: 0 });
      await writeAuditEvent(tx, ctx.clock, {
        actorId: actor.id,
        action: 'fixture.export',
        recordType: table,
        requestId: request.id,
      });
      return { records: rows.map((row) => present(actor, row)) };
    });
  });

  api.get(
    '/api/fixture/records/:id',
    { config: { access }, schema: { params: idParams } },
    async (request) => {
      const actor = actorOf(request);
      return withActorTx(ctx, scope(request, actor), async (tx) =>
        present(actor, await loadVisible(tx, actor, request.params.id, 'read')),
      );
    },
  );

  api.get(
    '/api/fixture/records/:id/secret',
    { config: { access }, schema: { params: idParams } },
    async (request) => {
      const actor = actorOf(request);
      return withActorTx(ctx, scope(request, actor), async (tx) => {
        const row = await loadVisible(tx, actor, request.params.id, 'read-sensitive');
        // Audited before the value leaves: if the audit write fails, so does the read.
        await writeAuditEvent(tx, ctx.clock, {
          actorId: actor.id,
          action: 'fixture.read-secret',
          recordType: table,
          recordId: row.id,
          requestId: request.id,
          fields: ['secret'],
        });
        const secret = row.secretEnc
          ? await new FieldCipher(ctx.keys, new PgDataKeyStore(tx)).decryptField(row.secretEnc, {
              table,
              column: 'secret',
              recordId: row.id,
            })
          : '';
        return { secret };
      });
    },
  );

  api.patch(
    '/api/fixture/records/:id',
    {
      config: { access },
      schema: { params: idParams, body: z.strictObject({ title: singleLineText().min(1).max(200) }) },
    },
    async (request) => {
      const actor = actorOf(request);
      return withActorTx(ctx, scope(request, actor), async (tx) => {
        const row = await loadVisible(tx, actor, request.params.id, 'update');
        await updateRecord(tx, row.id, { title: request.body.title });
        await writeAuditEvent(tx, ctx.clock, {
          actorId: actor.id,
          action: 'fixture.update',
          recordType: table,
          recordId: row.id,
          requestId: request.id,
          fields: ['title'],
        });
        return present(actor, { ...row, title: request.body.title });
      });
    },
  );

  api.delete(
    '/api/fixture/records/:id',
    { config: { access }, schema: { params: idParams } },
    async (request, reply) => {
      const actor = actorOf(request);
      await withActorTx(ctx, scope(request, actor), async (tx) => {
        const row = await loadVisible(tx, actor, request.params.id, 'delete');
        await deleteRecord(tx, row.id);
        await writeAuditEvent(tx, ctx.clock, {
          actorId: actor.id,
          action: 'fixture.delete',
          recordType: table,
          recordId: row.id,
          requestId: request.id,
        });
      });
      return reply.status(204).send();
    },
  );
}
