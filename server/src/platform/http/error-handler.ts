import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, httpStatusOf } from '../errors';
import { safeError } from '../logging';
import { keepOpenForUnreadBody, registerUnreadBodyDrain } from './unread-body';

// Fastify's own client-error codes, translated so the body never carries framework internals.
const fastifyCodes: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'PAYLOAD_TOO_LARGE',
    message: 'The request body is larger than allowed.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Send the body as application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'MALFORMED_REQUEST',
    message: 'The Content-Length header does not match the body.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'MALFORMED_REQUEST',
    message: 'The body is empty but the content type says JSON.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'MALFORMED_REQUEST', message: 'The body is not valid JSON.' },
};

function toAppError(error: FastifyError | AppError | Error): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((issue) => ({
      path: [error.validationContext, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
      message: issue.message ?? 'is invalid',
    }));
    const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
    return new AppError('VALIDATION_FAILED', `The request is invalid: ${summary}`, { fields });
  }
  const fastifyError = error as FastifyError;
  const known = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
  if (known) return new AppError(known.code, known.message);
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return new AppError('MALFORMED_REQUEST', 'The body is not valid JSON.');
  }
  const status = fastifyError.statusCode ?? 500;
  if (status === 429) return new AppError('RATE_LIMITED', 'Too many requests; wait and try again.');
  if (status >= 400 && status < 500)
    return new AppError('MALFORMED_REQUEST', 'The request cannot be processed.');
  return new AppError('INTERNAL', 'Something went wrong on our side; the error has been logged.');
}

/**
 * The one place errors become HTTP responses: `{ error: { code, message, details? } }`, never a stack.
 * An answer given before the body was read reaches the client (see unread-body.ts).
 */
export function registerErrorHandling(
  app: FastifyInstance,
  onRefusal?: (request: FastifyRequest, error: AppError, cause: unknown) => Promise<void>,
): void {
  registerUnreadBodyDrain(app);
  app.setErrorHandler(async (error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error);
    if (onRefusal) await onRefusal(request, appError, error);
    const status = httpStatusOf(appError.code);
    if (status >= 500) request.log.error({ err: safeError(error) }, 'request failed');
    else request.log.info({ code: appError.code, status }, 'request refused');
    const body: { code: ErrorCode; message: string; details?: unknown } = {
      code: appError.code,
      message: appError.message,
    };
    if (appError.details) body.details = appError.details;
    keepOpenForUnreadBody(request, reply);
    return reply.status(status).send({ error: body });
  });
}

/**
 * Fastify's router refuses some paths before any route or hook runs — percent-encoding that does
 * not decode (a lone surrogate sent as `%ED%A0%80`), a path parameter past its length limit — and
 * by default answers in a shape of its own that quotes the path. Set as Fastify's
 * `frameworkErrors`, this answers them as every other refusal, without the path.
 */
export function answerRouterRefusal(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const known: Record<string, string> = {
    FST_ERR_BAD_URL: 'The path is not a valid URL: its percent-encoding does not decode.',
    FST_ERR_MAX_PARAM_LENGTH: 'A path parameter is longer than allowed.',
  };
  const message = error.code ? known[error.code] : undefined;
  const appError = message
    ? new AppError('MALFORMED_REQUEST', message)
    : new AppError('INTERNAL', 'Something went wrong on our side; the error has been logged.');
  const status = httpStatusOf(appError.code);
  if (status >= 500) request.log.error({ err: safeError(error) }, 'request failed');
  else request.log.info({ code: appError.code, status }, 'request refused');
  void reply
    .status(status)
    .header('cache-control', 'no-store')
    .send({ error: { code: appError.code, message: appError.message } });
}

export function notFoundBody(method: string, url: string) {
  const path = url.split('?')[0];
  return { error: { code: 'NOT_FOUND' as const, message: `No route ${method} ${path}.` } };
}
