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
  /**
   * POST resumeRequest: a new server session for an operator signed in on the workstation
   * (offline at first), proven by a signature of their account key, never by a stored secret.
   */
  resume: '/v1/session/resume',
  /** POST (session): ends the session (sign-out, lock). */
  signOut: '/v1/session/sign-out',
  /** POST cacheKeyRequest (session): the cache key escrowed to the server, for re-wrapping it. */
  cacheKey: '/v1/session/cache-key',
  /** GET: a signed statement for each operator of this workstation (disabled, reset, expired). */
  operators: '/v1/workstation/operators',
  /**
   * POST (session): each usable operator of this workstation with their account's public keys and
   * signed statement — the workstation re-wraps its cache key to a reset password's new account,
   * or for an operator added since activation (docs/security.md). Public keys check a guessed
   * password, so only a signed-in operator's session gets them.
   */
  accounts: '/v1/workstation/accounts',
} as const;

/**
 * The header naming the operator's server session (docs/security.md). Pull, photos and push
 * need one: the server takes the operator from it, never from the body.
 */
export const sessionHeader = 'x-bala-session';
/** The header naming this data folder (one activation per issued profile). */
export const installHeader = 'x-bala-install';
/** The header naming the workstation's release (docs: versions in the field). */
export const versionHeader = 'x-bala-version';
/**
 * The header naming the protocol the workstation speaks: the routes, their requests and answers
 * as this file and shared/sync/syncProtocol.ts define them. Raised only when a change would
 * break an older side; a workstation that sends none (one released before this header) speaks 1.
 */
export const protocolHeader = 'x-bala-protocol';
/** The protocol of this release. */
export const protocolVersion = 1;
/** On every answer of the server: the oldest workstation release it serves (docs/sync.md). */
export const minWorkstationVersionHeader = 'x-bala-min-workstation-version';

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


const base64Hash = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);
const base64 = z.string().max(20_000).regex(/^[A-Za-z0-9+/]*={0,2}$/);

/**
 * An operator's account keys (docs/security.md): seed = scrypt(password, kdf.salt) with a salt
 * of its own (not the server's password hash salt); an Ed25519 key (signs session resumes and
 * offline password changes) and an X25519 key (the cache key is wrapped to it) derived from the
 * seed by HKDF. Only the public halves leave the workstation: neither stands in for the password.
 */
export const accountPublicSchema = z.object({
  kdf: scryptParamsSchema,
  /** Raw Ed25519 public key, base64 (32 bytes). */
  signPub: base64Hash,
  /** Raw X25519 public key, base64 (32 bytes). */
  wrapPub: base64Hash,
});
export type AccountPublic = z.infer<typeof accountPublicSchema>;

/**
 * What the server says of one operator of one workstation, signed with the server's key (its
 * TLS certificate, which the profile carries): the workstation keeps it in its keyring, so a
 * validity, a disabling or a password (credential) cannot be changed there by editing a file.
 */
export const accountStatementSchema = z.object({
  workstationId: z.string(),
  username: z.string(),
  /** credentialIdOf(account): changes with every password change or reset. */
  credentialId: z.string().regex(/^[0-9a-f]{32}$/),
  validUntil: z.string(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  issuedAt: z.string(),
});
export type AccountStatement = z.infer<typeof accountStatementSchema>;

/** statement: base64 of the statement's JSON bytes; signature: RSA-SHA256 by the server's key over them. */
export const signedStatementSchema = z.object({ statement: base64, signature: base64 });
export type SignedStatement = z.infer<typeof signedStatementSchema>;

export const serverSessionSchema = z.object({
  /** 256 random bits, base64url; the server keeps only its SHA-256. */
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  expiresAt: z.string(),
});
export type ServerSession = z.infer<typeof serverSessionSchema>;

/** The answer to a sign-in (or a resume) the server accepts. */
export const signInResultSchema = z.object({
  user: serverUserSchema,
  session: serverSessionSchema,
  account: accountPublicSchema,
  statement: signedStatementSchema,
});
export type SignInResult = z.infer<typeof signInResultSchema>;
/** An online password change answers as a sign-in: the new account keys, statement and a session. */
export const changePasswordResultSchema = signInResultSchema;

/**
 * Resume: the operator's Ed25519 signature over resumeMessage(...) (shared/serverApi/accountProofs.ts),
 * `at` within five minutes of the server's clock; each signature is accepted once.
 */
export const resumeRequestSchema = z.object({
  username: z.string().min(1).max(64),
  at: z.iso.datetime({ offset: true }),
  signature: base64,
});
export type ResumeRequest = z.infer<typeof resumeRequestSchema>;

/**
 * The workstation's own password change, made offline. Proven by a signature of the *current*
 * account key over passwordChangeMessage(...): only someone who knew the current password can
 * make it (a profile, a cache or the server's database cannot). Carries the new server hash
 * (scrypt with a salt of its own) and the new account's public keys.
 */
export const offlinePasswordChangeRequestSchema = z.object({
  username: z.string().min(1).max(64),
  newPasswordHash: base64Hash,
  newKdf: scryptParamsSchema,
  newAccount: accountPublicSchema,
  at: z.iso.datetime({ offset: true }),
  signature: base64,
});
export type OfflinePasswordChangeRequest = z.infer<typeof offlinePasswordChangeRequestSchema>;

export const cacheKeyRequestSchema = z.object({ escrow: base64 });
export const cacheKeyResultSchema = z.object({ dataKey: base64 });

export const operatorsResultSchema = z.object({ operators: z.array(z.object({ username: z.string(), statement: signedStatementSchema })) });
export type OperatorsResult = z.infer<typeof operatorsResultSchema>;

export const accountsResultSchema = z.object({
  accounts: z.array(z.object({ username: z.string(), displayName: z.string(), role: z.string(), account: accountPublicSchema, statement: signedStatementSchema })),
});
export type AccountsResult = z.infer<typeof accountsResultSchema>;

/**
 * Distinct refusals (issue: each a clear, distinct message). The TLS layer itself refuses a
 * certificate the CA did not issue; these come after the handshake.
 *
 * A restricted workstation is read-only: a sign-in the server would accept is answered with
 * WORKSTATION_RESTRICTED and the administrator's reason (the workstation then opens read-only),
 * and every write is refused with it. A suspended or revoked one is refused everything but its
 * status. USER_LOCKED carries retryAfter; TOO_MANY_ATTEMPTS too (a workstation trying many
 * user names in a row). WORKSTATION_OUTDATED (a release older than the server's minimum, a
 * protocol it no longer speaks, no version at all) carries current and required: the workstation
 * tells its operator to install the new release; nothing was read or written.
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
  'SESSION_REQUIRED',
  'ACCOUNT_KEYS_MISSING',
  'WORKSTATION_COPIED',
  'INVALID_INPUT',
  'WORKSTATION_OUTDATED',
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
  /** For WORKSTATION_OUTDATED: the release the workstation named, and the oldest the server serves. */
  current: z.string().max(80).optional(),
  required: z.string().max(80).optional(),
});
export type ServerError = z.infer<typeof serverErrorSchema>;
