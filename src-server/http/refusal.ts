import type { ServerError, ServerErrorCode } from '../../shared/serverApi/serverApi';

/** HTTP statuses of the refusals; the body is always { ok: false, error } with the code. */
export const refusalStatus: Record<ServerErrorCode, number> = {
  WORKSTATION_UNKNOWN: 403,
  WORKSTATION_REVOKED: 403,
  WORKSTATION_SUSPENDED: 403,
  WORKSTATION_RESTRICTED: 403,
  USER_UNKNOWN_OR_WRONG_PASSWORD: 401,
  USER_DISABLED: 403,
  USER_EXPIRED: 403,
  USER_LOCKED: 429,
  USER_NOT_ON_WORKSTATION: 403,
  PASSWORD_POLICY: 422,
  TOO_MANY_ATTEMPTS: 429,
  SESSION_REQUIRED: 401,
  ACCOUNT_KEYS_MISSING: 409,
  WORKSTATION_COPIED: 403,
  INVALID_INPUT: 400,
  WORKSTATION_OUTDATED: 403,
  NOT_FOUND: 404,
  INTERNAL: 500,
};

/** Thrown by route code; the app's error handler turns it into the JSON answer. */
export class Refusal extends Error {
  constructor(
    readonly code: ServerErrorCode,
    readonly extra: { reason?: string; retryAfter?: string; params?: Record<string, string>; versions?: { current: string; required: string } } = {},
  ) {
    super(code);
    this.name = 'Refusal';
  }
}

export type Describe = (code: ServerErrorCode, params?: Record<string, string>) => string;

export function refusalBody(refusal: Refusal, describe: Describe): { ok: false; error: ServerError } {
  const { reason, retryAfter, params, versions } = refusal.extra;
  return {
    ok: false,
    error: {
      code: refusal.code,
      // Which value of a refused request was wrong travels with the translated sentence.
      message: describe(refusal.code, { reason: reason ?? '', retryAfter: retryAfter ?? '', ...versions, ...params }) + (params?.detail ? ` (${params.detail})` : ''),
      ...(reason !== undefined ? { reason } : {}),
      ...(retryAfter !== undefined ? { retryAfter } : {}),
      ...versions,
    },
  };
}
