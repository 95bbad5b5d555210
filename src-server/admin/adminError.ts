import type { z } from 'zod';

/** Refusals of the administration verbs; each has a message `server.errors.<CODE>` in every language. */
export const adminErrorCodes = [
  'INVALID_INPUT',
  'NOT_INITIALISED',
  'ALREADY_INITIALISED',
  'STORAGE_BUSY',
  'STORAGE_NEEDS_PG',
  'STORAGE_IS_EMBEDDED',
  'STORAGE_UNREACHABLE',
  'SCHEMA_TOO_NEW',
  'AGENCY_EXISTS',
  'AGENCY_NOT_FOUND',
  'AGENCY_AMBIGUOUS',
  'TIN_INVALID',
  'ROLE_UNKNOWN',
  'USER_EXISTS',
  'USER_NOT_FOUND',
  'USER_OTHER_AGENCY',
  'USER_UNUSABLE',
  'USER_KEYS_MISSING',
  'WORKSTATION_NOT_FOUND',
  'WORKSTATION_REVOKED',
  'RECORD_NOT_FOUND',
  'FILE_EXISTS',
  'FILE_UNWRITABLE',
  'LISTEN_FAILED',
  'HANDOVER_FILE_MISSING',
  'HANDOVER_UNREADABLE',
  'HANDOVER_TRUNCATED',
  'HANDOVER_OTHER_SERVER',
  'HANDOVER_SIGNATURE_INVALID',
  'HANDOVER_WRONG_SIGNER',
  'HANDOVER_WORKSTATION_BLOCKED',
  'HANDOVER_RECEIPT_EXISTS',
  'HANDOVER_RECEIPT_UNWRITABLE',
  'INTERNAL',
] as const;
export type AdminErrorCode = (typeof adminErrorCodes)[number];

export class AdminError extends Error {
  constructor(
    readonly code: AdminErrorCode,
    readonly params: Record<string, string> = {},
    readonly issues: readonly z.core.$ZodIssue[] = [],
  ) {
    super(code);
    this.name = 'AdminError';
  }
}

/** Parses an administrator's input, or refuses it field by field. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AdminError('INVALID_INPUT', {}, parsed.error.issues);
  return parsed.data;
}
