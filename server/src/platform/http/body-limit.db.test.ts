import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/app';
import { openTestDatabase } from '../../../../test/db';
import type { Database } from '../../db/client';
import { signedIn } from '../../../../test/signed-in';

// Over a real connection (app.inject cannot show a reset): a body over a route's limit is answered
// 413, and the client, which goes on sending its body after the answer as fetch() does, reads it
// instead of being reset.
let database: Database;
let app: FastifyInstance;
let dataDir: string;
let port: number;
let session: Record<string, string>;
const MiB = 2 ** 20;

beforeAll(async () => {
  database = await openTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'lantern-body-limit-'));
  app = await buildTestApp(database, undefined, { LANTERN_DATA_DIR: dataDir });
  const { client } = await signedIn(app, database.db, ['analyst', 'comms-spoc', 'admin']);
  const csrf = client.cookie('lantern_csrf') ?? '';
  session = {
    cookie: `lantern_session=${client.cookie('lantern_session')}; lantern_csrf=${csrf}`,
    'x-csrf-token': csrf,
  };
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => {
  await app.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  status: number;
  code: string | undefined;
}

/**
 * A client over a plain socket that sends its body the way an uploading client does: it declares
 * `declared` bytes (or sends them chunked), sends the first part, reads the answer, then goes on
 * sending — all of the body when it is small enough, else 2 MiB more — and asks for /api/health
 * on the same connection. Returns the answers, or what ended the connection under it.
 */
function sendOversized(
  method: string,
  path: string,
  contentType: string,
  declared: number,
  chunked: boolean,
) {
  return new Promise<{ answers: Answer[]; error?: string }>((resolve) => {
    const answers: Answer[] = [];
    const socket = net.connect(port, '127.0.0.1');
    const finish = (error?: string) => {
      socket.destroy();
      resolve(error ? { answers, error } : { answers });
    };
    socket.setTimeout(10_000, () => finish('no answer in 10 s'));
    socket.on('error', (error: NodeJS.ErrnoException) => finish(error.code ?? error.message));
    socket.on('close', () => finish('closed by the server'));
    let received = Buffer.alloc(0);
    const waiting: ((answer: Answer) => void)[] = [];
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      for (;;) {
        const end = received.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = received.subarray(0, end).toString();
        const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
        if (received.length < end + 4 + length) return;
        const body = received.subarray(end + 4, end + 4 + length).toString();
        received = received.subarray(end + 4 + length);
        const status = Number(head.split(' ')[1]);
        const code = (JSON.parse(body) as { error?: { code?: string } }).error?.code;
        waiting.shift()?.({ status, code });
      }
    });
    const answer = () => new Promise<Answer>((got) => waiting.push(got));
    const write = (data: string | Buffer) => new Promise<void>((done) => socket.write(data, () => done()));
    const send = async (bytes: number) => {
      const data = Buffer.alloc(bytes, 0x61);
      if (!chunked) return write(data);
      await write(`${bytes.toString(16)}\r\n`);
      await write(data);
      await write('\r\n');
    };
    const headers = Object.entries({ ...session, 'content-type': contentType })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    const framing = chunked ? 'transfer-encoding: chunked' : `content-length: ${declared}`;
    const whole = declared <= 64 * MiB;
    void (async () => {
      await write(`${method} ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\n${headers}${framing}\r\n\r\n`);
      const first = answer();
      // A declared length is refused before the body; a chunked body once it passes the limit.
      let sent = Math.min(chunked ? declared - MiB / 2 : MiB, declared);
      for (let n = 0; n < sent; n += 64 * 1024) await send(Math.min(64 * 1024, sent - n));
      answers.push(await first);
      await pause(50); // the server is done with its answer (and, before the fix, closed here)
      const upTo = whole ? declared : sent + 2 * MiB;
      while (sent < upTo) {
        const n = Math.min(64 * 1024, upTo - sent);
        await send(n);
        sent += n;
      }
      if (whole) {
        if (chunked) await write('0\r\n\r\n');
        const next = answer();
        await write('GET /api/health HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n');
        answers.push(await next);
      } else await pause(50);
      finish();
    })();
  });
}

describe('a body over the limit', () => {
  it('is answered 413 on every route that takes a body, and the client sending it is not cut off', async () => {
    const defaultLimit = app.initialConfig.bodyLimit ?? MiB;
    const routes = app.routeCatalog.filter(
      (r) => r.url.startsWith('/api/') && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method),
    );
    expect(routes.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const route of routes) {
      const path = route.url.replace(/:[A-Za-z]+/g, randomUUID());
      const declared = (route.bodyLimit ?? defaultLimit) + MiB;
      const upload = declared > 64 * MiB; // GiBs: only its head is sent, with a declared length
      // Every route takes JSON; the upload routes also take their file as the raw body.
      const probes = upload
        ? [
            { type: 'application/json', chunked: false },
            { type: 'text/csv', chunked: false },
          ]
        : [
            { type: 'application/json', chunked: false },
            { type: 'application/json', chunked: true },
          ];
      for (const { type, chunked } of probes) {
        const got = await sendOversized(route.method, path, type, declared, chunked);
        const [first, next] = got.answers;
        // After a body sent whole, the connection still serves the next request.
        const usable = upload || next?.status === 200;
        if (got.error || first?.status !== 413 || first.code !== 'PAYLOAD_TOO_LARGE' || !usable) {
          const how = chunked ? 'chunked' : 'declared length';
          failures.push(`${route.method} ${route.url} (${type}, ${how}): ${JSON.stringify(got)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
