/**
 * An error answered by the Lantern API. Its body is always `{ error: { code, message, details? } }`
 * (CONVENTIONS.md rule 4); anything else (a proxy page, a dropped connection) is mapped to the same shape
 * so that screens only ever handle one kind of error.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** Status 0 means the request never got an HTTP answer. */
export const NETWORK_ERROR = 'NETWORK_ERROR';
/** The server answered 2xx with a body that does not match the contract. */
export const INVALID_RESPONSE = 'INVALID_RESPONSE';

const codeByStatus: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'RULE_VIOLATION',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Turns an error response (status and parsed body, if any) into an ApiError. Pure. */
export function toApiError(status: number, body: unknown): ApiError {
  const fallbackCode = codeByStatus[status] ?? (status >= 500 ? 'INTERNAL' : 'HTTP_ERROR');
  const fallbackMessage = `The server answered with status ${status}.`;
  const envelope = isRecord(body) ? body.error : undefined;
  if (!isRecord(envelope)) return new ApiError(status, fallbackCode, fallbackMessage);
  const code = typeof envelope.code === 'string' && envelope.code !== '' ? envelope.code : fallbackCode;
  const message =
    typeof envelope.message === 'string' && envelope.message !== '' ? envelope.message : fallbackMessage;
  return new ApiError(status, code, message, envelope.details);
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
