import crypto from 'node:crypto';
import type { ScryptParams } from '../../shared/profile/profileFormat';
import { accountStatementSchema, signedStatementSchema, type AccountPublic, type AccountStatement, type SignedStatement } from '../../shared/serverApi/serverApi';
import { credentialIdOf } from './accountKeys';

/*
 * What the server says of one operator of one workstation (shared/serverApi/serverApi.ts,
 * accountStatementSchema), signed with the server's TLS key: RSASSA-PKCS1-v1_5 with SHA-256
 * (crypto.sign('sha256', bytes, key)) over the exact JSON bytes; both base64. The workstation
 * verifies it with the server certificate its profile carries (body.server.certPem).
 */

/** The account columns of a user row, or null for an account made before account keys (migration 005). */
export interface AccountColumns {
  account_kdf: ScryptParams | null;
  sign_pub: string | null;
  wrap_pub: string | null;
}

export function accountOf(row: AccountColumns): AccountPublic | null {
  if (!row.account_kdf || !row.sign_pub || !row.wrap_pub) return null;
  return { kdf: row.account_kdf, signPub: row.sign_pub, wrapPub: row.wrap_pub };
}

export function signStatement(serverKeyPem: string, statement: AccountStatement): SignedStatement {
  const bytes = Buffer.from(JSON.stringify(accountStatementSchema.parse(statement)), 'utf8');
  return { statement: bytes.toString('base64'), signature: crypto.sign('sha256', bytes, serverKeyPem).toString('base64') };
}

/** The statement, if the server whose certificate is given signed exactly these bytes; else null. */
export function verifyStatement(serverCertPem: string, signed: SignedStatement): AccountStatement | null {
  const parsed = signedStatementSchema.safeParse(signed);
  if (!parsed.success) return null;
  const bytes = Buffer.from(parsed.data.statement, 'base64');
  try {
    const key = new crypto.X509Certificate(serverCertPem).publicKey;
    if (!crypto.verify('sha256', bytes, key, Buffer.from(parsed.data.signature, 'base64'))) return null;
    const statement = accountStatementSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    return statement.success ? statement.data : null;
  } catch {
    return null;
  }
}

export interface StatedUser extends AccountColumns {
  username: string;
  valid_until: Date;
  disabled: boolean;
  must_change_password: boolean;
}

/** The signed statement of an account with keys, as of `now`. */
export function statementOf(serverKeyPem: string, workstationId: string, user: StatedUser, account: AccountPublic, now: Date): SignedStatement {
  return signStatement(serverKeyPem, {
    workstationId,
    username: user.username,
    credentialId: credentialIdOf(account),
    validUntil: new Date(user.valid_until).toISOString(),
    disabled: user.disabled,
    mustChangePassword: user.must_change_password,
    issuedAt: now.toISOString(),
  });
}
