/**
 * Stable error codes of the API. Each has a message `errors.<CODE>` in every catalogue
 * (a test checks); later issues append codes, never rename them.
 */
export const errorCodes = [
  'UNAUTHORIZED',
  'FORBIDDEN_HOST',
  'FORBIDDEN_ORIGIN',
  'UNKNOWN_OPERATION',
  'MALFORMED_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'INVALID_INPUT',
  'NOT_FOUND',
  'STORAGE_FAILED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
