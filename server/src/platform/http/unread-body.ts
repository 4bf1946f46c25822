import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** How much of a body left unread after the answer is read and thrown away, and for how long. */
export const DRAIN_LIMIT_BYTES = 64 * 2 ** 20;
export const DRAIN_TIMEOUT_MS = 30_000;

/*
 * An answer given before the request body was read — 413 from the declared length, 415, 401 or
 * 404 before an upload is streamed — must still reach the client. Fastify marks a body refusal
 * `Connection: close`, and Node then closes the socket as soon as the answer is written; the client,
 * still sending, has its next write answered by a TCP reset, and fetch() reports EPIPE/ECONNRESET
 * instead of the answer. So the connection is kept open and the rest of the body is read and
 * thrown away (as Node does with an unread body on a keep-alive connection), up to a limit in bytes
 * and time; a client still sending past it is cut off (its answer went long before).
 */

/** For the error handler: an answer before the body is read keeps the connection open. */
export function keepOpenForUnreadBody(request: FastifyRequest, reply: FastifyReply): void {
  if (request.raw.complete) return;
  if (String(reply.getHeader('connection')).toLowerCase() === 'close') reply.removeHeader('connection');
}

function drain(request: FastifyRequest): void {
  const raw = request.raw;
  if (raw.complete || raw.readableEnded || raw.destroyed) return;
  let bytes = 0;
  const stop = () => {
    clearTimeout(timer);
    raw.off('data', count);
    raw.off('end', stop);
    raw.off('close', stop);
  };
  const cutOff = () => {
    stop();
    raw.destroy(); // an unfinished request takes its socket with it
  };
  const count = (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > DRAIN_LIMIT_BYTES) cutOff();
  };
  const timer = setTimeout(cutOff, DRAIN_TIMEOUT_MS);
  timer.unref();
  raw.on('data', count);
  raw.once('end', stop);
  raw.once('close', stop);
  raw.resume();
}

/** After every answer, what is left of the request body is drained (bounded), never reset. */
export function registerUnreadBodyDrain(app: FastifyInstance): void {
  app.addHook('onResponse', async (request) => drain(request));
}
