import path from 'node:path';
import { cacheKeyResultSchema, serverRoutes, signInResultSchema } from '../../shared/serverApi/serverApi';
import { BalaError } from '../api/balaError';
import { serverRequest, type ServerConnection } from '../serverLink/serverClient';
import { adoptCredential, applyStatement, operatorRow, verifyStatement } from '../session/operatorState';
import { accountEntry, keysMatching } from '../session/unlock';
import { openCache } from '../store/cacheDatabase';
import { Keyring } from '../store/keyring';
import { cacheFileName } from './activateWorkstation';
import type { OpenedProfile } from './profileReader';

/**
 * An operator whose access on this workstation was removed (a reset password, an account enabled
 * again) and who has no colleague to bring the workstation online, gets it back with the
 * workstation's connection profile and code: the profile's certificate reaches the server, the
 * operator signs in there with their current password, and the server hands back the cache key
 * escrowed at activation (RSA-OAEP to its key, labelled with this workstation) to that live
 * session only. The key is then wrapped to the operator's account. Nothing else changes.
 */
export async function recoverAccess(dataDir: string, profile: OpenedProfile, username: string, password: string, now: Date): Promise<void> {
  const keyring = Keyring.load(dataDir);
  if (!keyring) throw new BalaError('NOT_ACTIVATED');
  if (keyring.workstationId !== profile.body.workstation.id) throw new BalaError('PROFILE_OTHER_SERVER', { server: profile.body.server.url });
  const escrow = keyring.escrow;
  if (!escrow) throw new BalaError('WORKSTATION_REISSUE');
  const connection: ServerConnection = {
    url: profile.body.server.url,
    tlsServerName: profile.body.server.tlsServerName,
    caCertPem: profile.body.caCertPem,
    clientKeyPem: profile.secret.clientKeyPem,
    clientCertPem: profile.secret.clientCertPem,
  };
  const signedIn = await serverRequest(connection, 'POST', serverRoutes.signIn, { username, password }, signInResultSchema);
  if (signedIn.kind === 'unreachable') throw new BalaError('SERVER_UNREACHABLE');
  if (signedIn.kind === 'refused') {
    const { code } = signedIn.error;
    if (code === 'USER_UNKNOWN_OR_WRONG_PASSWORD') throw new BalaError('WRONG_PASSWORD');
    if (code === 'USER_DISABLED') throw new BalaError('ACCOUNT_DISABLED');
    if (code === 'WORKSTATION_REVOKED' || code === 'WORKSTATION_SUSPENDED' || code === 'WORKSTATION_RESTRICTED') throw new BalaError(code, { reason: signedIn.error.reason ?? '' });
    throw new BalaError('SERVER_REFUSED', { message: signedIn.error.message });
  }
  const result = signedIn.value;
  const statement = verifyStatement(result.statement, profile.body.server.certPem);
  const keys = await keysMatching(password, result.account);
  if (!statement || statement.workstationId !== keyring.workstationId || !keys) throw new BalaError('SERVER_REFUSED', { message: 'statement' });

  const answer = await serverRequest({ ...connection, session: result.session.token }, 'POST', serverRoutes.cacheKey, { escrow }, cacheKeyResultSchema);
  if (answer.kind !== 'ok') throw new BalaError(answer.kind === 'unreachable' ? 'SERVER_UNREACHABLE' : 'SERVER_REFUSED', answer.kind === 'refused' ? { message: answer.error.message } : {});
  const dataKey = Buffer.from(answer.value.dataKey, 'base64');
  try {
    const db = openCache(path.join(dataDir, cacheFileName), dataKey);
    try {
      db.transaction(() => {
        if (!operatorRow(db, result.user.username)) {
          db.prepare('INSERT INTO operators (username, display_name, role, legacy) VALUES (?, ?, ?, 0)').run(result.user.username, result.user.displayName, result.user.role);
        }
        db.prepare("DELETE FROM pending_password_changes WHERE lower(username) = lower(?)").run(username);
        adoptCredential(db, result.user.username, statement.credentialId, null);
      })();
      keyring.upsert(accountEntry(keyring, result.user.username, result.account, dataKey));
      keyring.save();
      applyStatement(db, keyring, statement, now);
      db.prepare('INSERT INTO audit_log (at, actor, action, details_json) VALUES (?, ?, ?, ?)').run(now.toISOString(), result.user.username, 'session.accessRecovered', '{}');
    } finally {
      db.close();
    }
  } finally {
    dataKey.fill(0);
    void serverRequest({ ...connection, session: result.session.token }, 'POST', serverRoutes.signOut, {}, signInResultSchema.pick({}), 3_000);
  }
}
