import crypto from 'node:crypto';
import forge from 'node-forge';
import {
  PROFILE_FORMAT,
  PROFILE_VERSION,
  normaliseActivationCode,
  profileSecretAad,
  type ProfileBody,
  type ProfileSecret,
} from '../../shared/profile/profileFormat';
import { newScryptParams, scryptHash } from '../../src-main/security/scrypt';
import { credentialIdOf, deriveAccountKeys } from '../../src-main/security/accountKeys';
import type { AccountStatement, SignedStatement } from '../../shared/serverApi/serverApi';

export interface TestOperator {
  username: string;
  password: string;
  displayName?: string;
  role?: string;
  mustChangePassword?: boolean;
  validUntil?: string;
}

export interface TestProfile {
  file: Buffer;
  code: string;
  body: ProfileBody;
  caKeyPem: string;
  /** The stand-in server's key: signs operators' statements (tests sign later ones with it). */
  serverKeyPem: string;
  serverCertPem: string;
}

/** A statement of the server, signed as src-server does (RSA-SHA256 over the exact JSON bytes). */
export function signTestStatement(statement: AccountStatement, serverKeyPem: string): SignedStatement {
  const bytes = Buffer.from(JSON.stringify(statement), 'utf8');
  return { statement: bytes.toString('base64'), signature: crypto.sign('sha256', bytes, serverKeyPem).toString('base64') };
}

function certificate(subjectCn: string, publicKeyPem: string, issuerCn: string, signerKeyPem: string, isCa: boolean): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  cert.serialNumber = `01${crypto.randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  cert.setSubject([{ name: 'commonName', value: subjectCn }]);
  cert.setIssuer([{ name: 'commonName', value: issuerCn }]);
  cert.setExtensions(isCa ? [{ name: 'basicConstraints', cA: true }] : [{ name: 'extKeyUsage', clientAuth: true }]);
  cert.sign(forge.pki.privateKeyFromPem(signerKeyPem), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

const rsaPair = () =>
  crypto.generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });

/**
 * A `.balaprofile` built the way the format says (shared/profile/profileFormat.ts), for
 * workstation tests that must not depend on a running server. The server's own writer is
 * tested against the workstation's reader in the end-to-end tests.
 */
export async function issueTestProfile(options: {
  operators: TestOperator[];
  serverUrl?: string;
  expiresAt?: string;
  workstationId?: string;
  agencyName?: string;
}): Promise<TestProfile> {
  const ca = rsaPair();
  const caCertPem = certificate('Bala test CA', ca.publicKey, 'Bala test CA', ca.privateKey, true);
  const client = rsaPair();
  const workstationId = options.workstationId ?? `ws-${crypto.randomBytes(4).toString('hex')}`;
  const clientCertPem = certificate(workstationId, client.publicKey, 'Bala test CA', ca.privateKey, false);
  const server = rsaPair();
  const serverCertPem = certificate('localhost', server.publicKey, 'Bala test CA', ca.privateKey, false);

  const operators = await Promise.all(
    options.operators.map(async (operator) => {
      const account = (await deriveAccountKeys(operator.password, newScryptParams())).public;
      const validUntil = operator.validUntil ?? new Date(Date.now() + 30 * 86_400_000).toISOString();
      const mustChangePassword = operator.mustChangePassword ?? true;
      const statement = signTestStatement(
        { workstationId, username: operator.username, credentialId: credentialIdOf(account), validUntil, disabled: false, mustChangePassword, issuedAt: new Date().toISOString() },
        server.privateKey,
      );
      return {
        username: operator.username,
        displayName: operator.displayName ?? operator.username,
        role: operator.role ?? 'data_holder',
        account,
        statement,
        validUntil,
        mustChangePassword,
      };
    }),
  );
  const secret: ProfileSecret = { clientKeyPem: client.privateKey, clientCertPem, operators };

  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const raw = Array.from(crypto.randomBytes(20), (byte) => alphabet[byte % 32]).join('');
  const code = `${raw.slice(0, 5)}-${raw.slice(5, 10)}-${raw.slice(10, 15)}-${raw.slice(15)}`;
  const kdf = newScryptParams();
  const partial = { profileId: crypto.randomUUID(), workstation: { id: workstationId, name: 'Test workstation' } };
  const key = await scryptHash(normaliseActivationCode(code), kdf);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(profileSecretAad(partial), 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(secret), 'utf8'), cipher.final()]);

  const body: ProfileBody = {
    ...partial,
    issuedAt: new Date().toISOString(),
    expiresAt: options.expiresAt ?? new Date(Date.now() + 7 * 86_400_000).toISOString(),
    server: { url: options.serverUrl ?? 'https://127.0.0.1:9/', tlsServerName: 'localhost', certPem: serverCertPem },
    caCertPem,
    agency: { id: 'agency-1', name: options.agencyName ?? 'Test agency', kind: 'childrens_home', country: 'KG', territory: '41711' },
    scope: { country: 'KG', territory: '41711', agencyId: 'agency-1' },
    secret: {
      kdf,
      cipher: 'aes-256-gcm',
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    },
  };
  const bodyBytes = Buffer.from(JSON.stringify(body), 'utf8');
  const signature = crypto.sign('sha256', bodyBytes, ca.privateKey);
  const file = Buffer.from(
    JSON.stringify({ format: PROFILE_FORMAT, version: PROFILE_VERSION, body: bodyBytes.toString('base64'), signature: signature.toString('base64') }),
  );
  return { file, code, body, caKeyPem: ca.privateKey, serverKeyPem: server.privateKey, serverCertPem };
}
