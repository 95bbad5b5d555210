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
  'NOT_ACTIVATED',
  'ALREADY_ACTIVATED',
  'PROFILE_UNREADABLE',
  'PROFILE_TAMPERED',
  'PROFILE_EXPIRED',
  'ACTIVATION_CODE_FORMAT',
  'ACTIVATION_CODE_WRONG',
  'SIGNED_OUT',
  'WRONG_PASSWORD',
  'ACCOUNT_LOCKED',
  'ACCOUNT_EXPIRED',
  'ACCOUNT_DISABLED',
  'PASSWORD_CHANGE_REQUIRED',
  'PASSWORD_POLICY',
  'CACHE_WRONG_KEY',
  'CACHE_DAMAGED',
  'SERVER_UNREACHABLE',
  'SERVER_REFUSED',
  'WORKSTATION_SUSPENDED',
  'WORKSTATION_REVOKED',
  'WORKSTATION_RESTRICTED',
  'RECORD_CHANGED',
  'DUPLICATE_PIN',
  'DUPLICATE_SUSPECTED',
  'NOT_PERMITTED',
  'PROFILE_OTHER_SERVER',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
