import { randomInt, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/app';
import { openTestDatabase } from '../../../../test/db';
import type { Database } from '../../db/client';
import { signedIn } from '../../../../test/signed-in';

// Rule 17: log lines carry field names, error types and codes — never a value of a record.
let database: Database;
let app: FastifyInstance;
const lines: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  app = await buildTestApp(database, undefined, {}, { logStream });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('log lines of a request that fails in the database', () => {
  it('name the error class and the SQLSTATE, and carry none of the values', async () => {
    const { client } = await signedIn(app, database.db, ['analyst']);
    const number = `+447700${randomInt(100_000, 999_999)}`;
    const subjectRef = `CANARY-${randomUUID()}`;
    // The database refuses every new watchlist row: the failure quotes the row (detail) and
    // Drizzle's message quotes the parameters.
    await database.db.execute(
      sql.raw('ALTER TABLE comms_watchlist ADD CONSTRAINT refuse_all CHECK (false) NOT VALID'),
    );
    try {
      lines.length = 0;
      const res = await client.request('POST', '/api/comms/watchlist', { entries: [{ number, subjectRef }] });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain(subjectRef);
      // A value in the query string is not logged either.
      const search = await client.request('GET', `/api/comms/watchlist?number=${encodeURIComponent(number)}`);
      expect(search.statusCode).toBe(200);
    } finally {
      await database.db.execute(sql.raw('ALTER TABLE comms_watchlist DROP CONSTRAINT refuse_all'));
    }

    expect(lines.length).toBeGreaterThan(0);
    const digits = number.slice(1);
    const leaking = lines.filter(
      (line) => line.includes(subjectRef) || line.includes(digits) || line.includes('CANARY'),
    );
    expect(leaking).toEqual([]);

    const failed = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'request failed');
    expect(failed, lines.join('\n')).toBeDefined();
    expect(failed.err.type).toBe('DrizzleQueryError');
    expect(failed.err.cause).toMatchObject({
      type: 'DatabaseError',
      code: '23514',
      table: 'comms_watchlist',
      constraint: 'refuse_all',
    });
    expect(failed.err.message).toContain('comms_watchlist');
    const incoming = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'incoming request');
    expect(incoming.map((l) => l.req.url)).toContain('/api/comms/watchlist?number');
  });
});
