import { z } from 'zod';

/**
 * The codes of every error Lantern answers with. The server maps each to one HTTP status
 * (server/src/platform/errors/http-status.ts); web and CLI switch on the code, never the status.
 */
export const errorCodes = [
  'VALIDATION_FAILED',
  'MALFORMED_REQUEST',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'MFA_REQUIRED',
  'MFA_ENROLMENT_REQUIRED',
  'CSRF_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RULE_VIOLATION',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];
export const errorCodeSchema = z.enum(errorCodes);

/** One field a request got wrong: its path (`body.name`, `query.limit`) and what is wrong. */
export const fieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** What an error may say beyond its message: the fields at fault and the rule that refused. */
export const errorDetailsSchema = z
  .object({
    fields: z.array(fieldErrorSchema).optional(),
    /** The rule that refused the action, e.g. "RIPA s.43(3)". */
    rule: z.string().optional(),
  })
  .catchall(z.unknown());
export type ErrorDetails = z.infer<typeof errorDetailsSchema>;

/** Every error body Lantern sends: `{ error: { code, message, details? } }`. */
export const errorBody = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    details: errorDetailsSchema.optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;
