import type { ErrorCode } from '@app/core';
import type { ValidationIssue } from '@app/scheduling';

/** The body of every error answer: no framework internals. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: ValidationIssue[];
}

/** Domain error codes → HTTP statuses, in one place. */
export const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  EVENT_NOT_FOUND: 404,
  CLUSTER_NOT_FOUND: 404,
  PARTICIPANT_NOT_FOUND: 404,
  SCHEDULE_NOT_FOUND: 404,
  INVALID_STATUS_TRANSITION: 409,
  EVENT_FROZEN: 409,
  CLUSTER_EXISTS: 409,
  CLUSTER_IN_USE: 409,
  ORGANISER_EXISTS: 409,
  SCHEDULE_NOT_DONE: 409,
  VERSION_MISMATCH: 412,
  UNPLACEABLE_FIXED_MEETINGS: 422,
  QUEUE_UNAVAILABLE: 503,
};

/** Generic codes for HTTP errors that do not come from the domain. */
export const CODE_OF_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};

export function errorBody(
  statusCode: number,
  message: string,
  code?: string,
  errors?: ValidationIssue[],
): ErrorBody {
  return {
    statusCode,
    code: code ?? CODE_OF_STATUS[statusCode] ?? 'ERROR',
    message,
    ...(errors ? { errors } : {}),
  };
}

/** An error thrown by body-parser / multer (it carries an HTTP status and a type). */
export function bodyParserError(error: unknown): ErrorBody | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, status } = error as { type?: unknown; status?: unknown };
  if (typeof type !== 'string' || typeof status !== 'number') return undefined;
  switch (type) {
    case 'entity.too.large': {
      const limit = (error as { limit?: number }).limit;
      return errorBody(413, `The request body is too large${limit ? ` (limit ${limit} bytes)` : ''}.`);
    }
    case 'entity.parse.failed':
      return errorBody(400, 'The request body is not valid JSON.', 'INVALID_JSON', [
        { path: '(root)', message: 'not valid JSON', code: 'invalid-json' },
      ]);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return errorBody(415, 'Unsupported body encoding or charset.');
    default:
      return errorBody(status >= 400 && status < 500 ? status : 400, 'The request body could not be read.');
  }
}
