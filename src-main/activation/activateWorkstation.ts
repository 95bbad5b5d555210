import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BalaError } from '../api/balaError';
import { writeFileAtomic } from '../fsx/atomicWrite';
import { kekFromPasswordHash, wrapKey } from '../security/keyWrap';
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
    const keyring = Keyring.create(staging, body.workstation.id);
    for (const operator of secret.operators) {
      const id = keyring.idOf(operator.username);
      const kek = kekFromPasswordHash(Buffer.from(operator.passwordHash, 'base64'));
      keyring.upsert({
        id,
        kdf: operator.kdf,
        wrappedKey: wrapKey(dataKey, kek, keyring.aadFor(id)),
        validUntil: operator.validUntil,
        mustChangePassword: operator.mustChangePassword,
        disabled: false,
        failedAttempts: 0,
        lockedUntil: null,
      });
      kek.fill(0);
    }
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
        const addOperator = db.prepare('INSERT INTO operators (username, display_name, role) VALUES (?, ?, ?)');
        for (const operator of secret.operators) addOperator.run(operator.username, operator.displayName, operator.role);
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

/** Leftovers of an interrupted activation are moved aside, never deleted. */
function setAsideIncompleteActivation(dataDir: string): void {
  const leftovers = fs.readdirSync(dataDir).filter((name) => name === keyringFileName || name.startsWith(cacheFileName));
  if (leftovers.length === 0) return;
  const aside = path.join(dataDir, `.incomplete-activation-${Date.now()}`);
  fs.mkdirSync(aside);
  for (const name of leftovers) fs.renameSync(path.join(dataDir, name), path.join(aside, name));
}
