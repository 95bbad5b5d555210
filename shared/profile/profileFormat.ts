import { z } from 'zod';

/*
 * The connection profile (`*.balaprofile`): the parameters an administrator issues to one
 * workstation. The file is JSON: { format, version, body, signature } where `body` is the
 * base64 of the body JSON and `signature` the issuing CA's RSA-SHA256 signature over exactly
 * those bytes (tamper-evident: nothing in the body can change unnoticed). The secret part is
 * AES-256-GCM encrypted under a key derived with scrypt from the activation code, which the
 * administrator hands over separately.
 */

export const PROFILE_FORMAT = 'bala-profile';
/** 2: operators carry account public keys and server-signed statements, never a password hash (docs/security.md). */
export const PROFILE_VERSION = 2;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const isoTime = z.iso.datetime({ offset: true });

export const scryptParamsSchema = z.object({
  algorithm: z.literal('scrypt'),
  /** CPU/memory cost (a power of two), block size, parallelism. */
  N: z.number().int().min(1024).max(2 ** 20),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: base64,
});
export type ScryptParams = z.infer<typeof scryptParamsSchema>;

export const profileFileSchema = z.object({
  format: z.literal(PROFILE_FORMAT),
  version: z.literal(PROFILE_VERSION),
  body: base64,
  signature: base64,
});
export type ProfileFile = z.infer<typeof profileFileSchema>;

export const agencyRefSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.string().min(1),
  /** ISO 3166-1 alpha-2: KG, AZ, KZ. */
  country: z.string().length(2),
  /** Territory code from the country's classifier (the agency's area of competence). */
  territory: z.string().min(1),
});
export type AgencyRef = z.infer<typeof agencyRefSchema>;

export const profileBodySchema = z.object({
  profileId: z.uuid(),
  issuedAt: isoTime,
  expiresAt: isoTime,
  server: z.object({
    /** https://host:port — where the workstation connects. */
    url: z.url(),
    /** The name the server's TLS certificate carries (checked on connect). */
    tlsServerName: z.string().min(1),
    /**
     * The server's certificate (PEM): handover packages on removable media are encrypted to its
     * key and receipts signed with it (docs/handover.md); operators' statements are signed with
     * it and the cache key escrowed to it (docs/security.md).
     */
    certPem: z.string().includes('BEGIN CERTIFICATE'),
  }),
  /** The administrator's CA certificate (PEM): trusted for the server, and the profile's signer. */
  caCertPem: z.string().includes('BEGIN CERTIFICATE'),
  workstation: z.object({ id: z.string().min(1), name: z.string().min(1) }),
  agency: agencyRefSchema,
  /** What this workstation may see and edit (role × territory × agency, enforced by the server). */
  scope: z.object({ country: z.string().length(2), territory: z.string().min(1), agencyId: z.string().min(1) }),
  secret: z.object({
    kdf: scryptParamsSchema,
    cipher: z.literal('aes-256-gcm'),
    iv: base64,
    ciphertext: base64,
    tag: base64,
  }),
});
export type ProfileBody = z.infer<typeof profileBodySchema>;

const base64Key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);

/**
 * One operator allowed on the workstation, as the server knows them at issue time: the public
 * halves of their account keys (the cache key is wrapped to wrapPub; see
 * shared/serverApi/serverApi.ts, accountPublicSchema) and the server's signed statement of the
 * account. Never the server's password hash, nor anything that opens the cache without the password.
 */
export const profileOperatorSchema = z.object({
  username: z.string().min(1),
  displayName: z.string().min(1),
  role: z.string().min(1),
  account: z.object({ kdf: scryptParamsSchema, signPub: base64Key, wrapPub: base64Key }),
  statement: z.object({ statement: base64, signature: base64 }),
  /** The account's validity end (Pack 1 §10.3: credentials for a limited period). */
  validUntil: isoTime,
  /** True while the password is the one the administrator generated. */
  mustChangePassword: z.boolean(),
});
export type ProfileOperator = z.infer<typeof profileOperatorSchema>;

export const profileSecretSchema = z.object({
  clientKeyPem: z.string().includes('PRIVATE KEY'),
  clientCertPem: z.string().includes('BEGIN CERTIFICATE'),
  operators: z.array(profileOperatorSchema).min(1),
});
export type ProfileSecret = z.infer<typeof profileSecretSchema>;

/** Additional authenticated data binding the secret to its profile. */
export const profileSecretAad = (body: Pick<ProfileBody, 'profileId' | 'workstation'>): string =>
  `${PROFILE_FORMAT}:v${PROFILE_VERSION}:${body.workstation.id}:${body.profileId}`;

/**
 * Activation codes: 20 characters of Crockford base32 (100 bits) in groups of five. Operators
 * type them, so case, spaces, dashes and the look-alikes O/I/L are forgiven.
 */
export function normaliseActivationCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}
export const activationCodePattern = /^[0-9A-HJKMNP-TV-Z]{20}$/;
