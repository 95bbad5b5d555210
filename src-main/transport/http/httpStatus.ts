import type { ErrorCode } from '../../../shared/api/errorCodes';

/** The HTTP status that goes with each refusal; the body always carries the Result envelope. */
export const httpStatusOf: Record<ErrorCode, number> = {
  UNAUTHORIZED: 401,
  FORBIDDEN_HOST: 403,
  FORBIDDEN_ORIGIN: 403,
  UNKNOWN_OPERATION: 404,
  MALFORMED_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  STORAGE_FAILED: 503,
  INTERNAL: 500,
};
