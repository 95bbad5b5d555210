import { z } from 'zod';

/*
 * What a workstation asks the central server, over mutual TLS (the client certificate names
 * the workstation). Every answer is JSON: { ok: true, value } or { ok: false, error: { code,
 * message, reason? } }. Sync (a later issue) adds its routes here.
 */

export const serverRoutes = {
  /** GET: the workstation's own status, so a suspension's reason can be shown. */
  workstationStatus: '/v1/workstation/status',
  /** POST signInRequest: checks an operator's password online. */
  signIn: '/v1/session/sign-in',
  /** POST changePasswordRequest. */
  changePassword: '/v1/session/change-password',
} as const;

export const workstationStatusSchema = z.object({
  workstationId: z.string(),
  status: z.enum(['active', 'restricted', 'suspended', 'revoked']),
  reason: z.string().nullable(),
  serverTime: z.string(),
});
export type WorkstationStatus = z.infer<typeof workstationStatusSchema>;

export const signInRequestSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const serverUserSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  agencyId: z.string(),
  validUntil: z.string(),
  mustChangePassword: z.boolean(),
});
export type ServerUser = z.infer<typeof serverUserSchema>;

export const changePasswordRequestSchema = z.object({
  username: z.string().min(1).max(64),
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

/** The server's answer after a password change: the new hash params for the workstation's verifier. */
export const changePasswordResultSchema = z.object({ user: serverUserSchema });

/**
 * Distinct refusals (issue: each a clear, distinct message). The TLS layer itself refuses a
 * certificate the CA did not issue; these come after the handshake.
 */
export const serverErrorCodes = [
  'WORKSTATION_UNKNOWN',
  'WORKSTATION_REVOKED',
  'WORKSTATION_SUSPENDED',
  'WORKSTATION_RESTRICTED',
  'USER_UNKNOWN_OR_WRONG_PASSWORD',
  'USER_DISABLED',
  'USER_EXPIRED',
  'USER_LOCKED',
  'USER_NOT_ON_WORKSTATION',
  'PASSWORD_POLICY',
  'INVALID_INPUT',
  'NOT_FOUND',
  'INTERNAL',
] as const;
export type ServerErrorCode = (typeof serverErrorCodes)[number];

export const serverErrorSchema = z.object({
  code: z.enum(serverErrorCodes),
  message: z.string(),
  /** The administrator's reason for a suspension, restriction or revocation. */
  reason: z.string().optional(),
  /** For USER_LOCKED: when the lock ends. */
  retryAfter: z.string().optional(),
});
export type ServerError = z.infer<typeof serverErrorSchema>;
