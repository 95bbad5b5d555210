import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BalaError } from '../api/balaError';
import { writeFileAtomic } from '../fsx/atomicWrite';
import { credentialIdOf } from '../security/accountKeys';
import { escrowToServer, wrapToAccount } from '../security/cacheWrap';
import { verifyStatement } from '../session/operatorState';
import { openCache } from '../store/cacheDatabase';
import { Keyring, keyringFileName } from '../store/keyring';
import type { OpenedProfile } from './profileReader';
import { identityFileName, readIdentity, type WorkstationIdentity } from './workstationIdentity';

export const cacheFileName = 'cache.db';

/**
 * Sets the workstation up from an opened profile: a fresh random data key, the encrypted cache
 * holding the connection secrets, and the key wrapped for each operator. Everything is built in
 * a staging folder and moved into place at the end, workstation.json last, so an interrupted
 * activation leaves no half-activated workstation.
 */
export function activateWorkstation(dataDir: string, profile: OpenedProfile, now: Date): WorkstationIdentity {
  const existing = readIdentity(dataDir);
  if (existing) {
    // A profile from another administrator's server must not be mistaken for a re-issue.
    if (existing.serverUrl !== profile.body.server.url) throw new BalaError('PROFILE_OTHER_SERVER', { server: existing.serverUrl });
    throw new BalaError('ALREADY_ACTIVATED');
  }
  setAsideIncompleteActivation(dataDir);
  const { body, secret } = profile;
  const staging = fs.mkdtempSync(path.join(dataDir, '.activation-'));
  const dataKey = crypto.randomBytes(32);
  try {
    // Each operator's standing comes signed by the server; the cache key is wrapped to their
    // account's public key (only their password opens it) and escrowed to the server.
    const statements = secret.operators.map((operator) => {
      const statement = verifyStatement(operator.statement, body.server.certPem);
      const consistent =
        statement !== null &&
        statement.workstationId === body.workstation.id &&
        statement.username.toLowerCase() === operator.username.toLowerCase() &&
        statement.credentialId === credentialIdOf(operator.account);
      if (!consistent || !issuedByCa(body.server.certPem, body.caCertPem)) throw new BalaError('PROFILE_TAMPERED');
      return statement;
    });
    const keyring = Keyring.create(staging, body.workstation.id, escrowToServer(dataKey, body.server.certPem, body.workstation.id));
    secret.operators.forEach((operator, index) => {
      if (statements[index]?.disabled) return;
      const id = keyring.idOf(operator.username);
      keyring.upsert({
        kind: 'account',
        id,
        kdf: operator.account.kdf,
        credentialId: credentialIdOf(operator.account),
        wrap: wrapToAccount(dataKey, operator.account.wrapPub, keyring.aadFor(id)),
        failedAttempts: 0,
        lockedUntil: null,
      });
    });
    keyring.save();

    const db = openCache(path.join(staging, cacheFileName), dataKey, { create: true });
    try {
      db.transaction(() => {
        db.prepare(
          `INSERT INTO workstation (id, name, agency_json, scope_json, server_url, tls_server_name, ca_cert_pem,
             client_key_pem, client_cert_pem, profile_id, profile_expires_at, activated_at, server_cert_pem)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          body.workstation.id,
          body.workstation.name,
          JSON.stringify(body.agency),
          JSON.stringify(body.scope),
          body.server.url,
          body.server.tlsServerName,
          body.caCertPem,
          secret.clientKeyPem,
          secret.clientCertPem,
          body.profileId,
          body.expiresAt,
          now.toISOString(),
          body.server.certPem ?? null,
        );
        const addOperator = db.prepare(
          `INSERT INTO operators (username, display_name, role, credential_id, valid_until, disabled, must_change_password, statement_at, legacy)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)`,
        );
        secret.operators.forEach((operator, index) => {
          const statement = statements[index] as NonNullable<(typeof statements)[number]>;
          addOperator.run(operator.username, operator.displayName, operator.role, statement.credentialId, statement.validUntil, statement.disabled ? 1 : 0, statement.mustChangePassword ? 1 : 0, statement.issuedAt);
        });
        db.prepare('INSERT INTO audit_log (at, actor, action, details_json) VALUES (?, ?, ?, ?)').run(
          now.toISOString(),
          'activation',
          'workstation.activated',
          JSON.stringify({ profileId: body.profileId, operators: secret.operators.length }),
        );
      })();
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }

    const identity: WorkstationIdentity = {
      workstationId: body.workstation.id,
      workstationName: body.workstation.name,
      agencyName: body.agency.name,
      serverUrl: body.server.url,
      profileExpiresAt: body.expiresAt,
      activatedAt: now.toISOString(),
    };
    writeFileAtomic(path.join(staging, identityFileName), `${JSON.stringify(identity, null, 2)}\n`);

    for (const name of fs.readdirSync(staging).filter((file) => file.startsWith(cacheFileName))) {
      fs.renameSync(path.join(staging, name), path.join(dataDir, name));
    }
    fs.renameSync(path.join(staging, keyringFileName), path.join(dataDir, keyringFileName));
    fs.renameSync(path.join(staging, identityFileName), path.join(dataDir, identityFileName));
    return identity;
  } finally {
    dataKey.fill(0);
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** The server certificate the profile names must be one the profile's CA issued. */
function issuedByCa(serverCertPem: string, caCertPem: string): boolean {
  try {
    return new crypto.X509Certificate(serverCertPem).verify(new crypto.X509Certificate(caCertPem).publicKey);
  } catch {
    return false;
  }
}

/** Leftovers of an interrupted activation are moved aside, never deleted. */
function setAsideIncompleteActivation(dataDir: string): void {
  const leftovers = fs.readdirSync(dataDir).filter((name) => name === keyringFileName || name.startsWith(cacheFileName));
  if (leftovers.length === 0) return;
  const aside = path.join(dataDir, `.incomplete-activation-${Date.now()}`);
  fs.mkdirSync(aside);
  for (const name of leftovers) fs.renameSync(path.join(dataDir, name), path.join(aside, name));
}
