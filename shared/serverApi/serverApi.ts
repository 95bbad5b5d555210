import { z } from 'zod';
import { scryptParamsSchema } from '../profile/profileFormat';

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
  /**
   * POST offlinePasswordChangeRequest: a change the operator made on the workstation while it
   * was offline, sent as verifiers (the server never sees that password).
   */
  offlinePasswordChange: '/v1/session/offline-password-change',
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

/** The answer to a sign-in the server accepts. */
export const signInResultSchema = z.object({ user: serverUserSchema });

const base64Hash = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);

/**
 * The workstation's own password change, made offline: scrypt(current password, kdf the server
 * issued) proves the operator knew the password the server holds; the new verifier replaces it.
 */
export const offlinePasswordChangeRequestSchema = z.object({
  username: z.string().min(1).max(64),
  currentPasswordHash: base64Hash,
  newPasswordHash: base64Hash,
  newKdf: scryptParamsSchema,
});
export type OfflinePasswordChangeRequest = z.infer<typeof offlinePasswordChangeRequestSchema>;

/**
 * Distinct refusals (issue: each a clear, distinct message). The TLS layer itself refuses a
 * certificate the CA did not issue; these come after the handshake.
 *
 * A restricted workstation is read-only: a sign-in the server would accept is answered with
 * WORKSTATION_RESTRICTED and the administrator's reason (the workstation then opens read-only),
 * and every write is refused with it. A suspended or revoked one is refused everything but its
 * status. USER_LOCKED carries retryAfter; TOO_MANY_ATTEMPTS too (a workstation trying many
 * user names in a row).
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
  'TOO_MANY_ATTEMPTS',
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
  /** For USER_LOCKED and TOO_MANY_ATTEMPTS: when to try again. */
  retryAfter: z.string().optional(),
});
export type ServerError = z.infer<typeof serverErrorSchema>;
