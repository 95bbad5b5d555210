import type { ErrorCode } from './errorCodes';

/** One invalid field of an input, with a stable code and a message in the caller's language. */
export interface FieldError {
  path: string;
  code: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  /** Already translated into the backend's current language; the UI may re-translate by `code`. */
  message: string;
  fields?: FieldError[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: ApiError): Result<never> => ({ ok: false, error });
