import path from 'node:path';
import { z } from 'zod';
import { formatDate } from '../../shared/i18n/format';
import type { Language } from '../../shared/i18n/languages';
import { passwordPolicy, passwordProblems } from '../../shared/profile/passwordPolicy';
import { passwordChangeMessage, resumeMessage } from '../../shared/serverApi/accountProofs';
import {
  accountsResultSchema,
  operatorsResultSchema,
  serverRoutes,
  signInResultSchema,
  type OfflinePasswordChangeRequest,
  type ServerError,
  type SignInResult,
} from '../../shared/serverApi/serverApi';
import type { SessionStatus, SessionUser } from '../../shared/api/session';
import { readIdentity } from '../activation/workstationIdentity';
import { cacheFileName } from '../activation/activateWorkstation';
import { BalaError } from '../api/balaError';
import type { EventBus } from '../events/eventBus';
import { credentialIdOf, deriveAccountKeys, signMessage } from '../security/accountKeys';
import { escrowToServer } from '../security/cacheWrap';
import { newScryptParams, scryptHash } from '../security/scrypt';
import { openCache, type CacheDatabase } from '../store/cacheDatabase';
import { Keyring, type WrapEntry } from '../store/keyring';
import { serverRequest, type ServerAnswer, type ServerConnection } from '../serverLink/serverClient';
import { adoptCredential, applyStatement, operatorRow, removeAccess, serverCertOf, verifyStatement } from './operatorState';
import { serverConnectionFrom } from './serverConnection';
import { accountEntry, keysMatching, spendDecoy, unlockEntry, type SignKey } from './unlock';

export const maxFailedAttempts = 5;
export const lockoutMinutes = 15;

interface OpenSession {
  user: SessionUser;
  db: CacheDatabase;
  dataKey: Buffer;
  mustChangePassword: boolean;
  verifiedOnline: boolean;
  /** Worded when shown (a catalogue key and its values), so it follows a change of language. */
  serverNotice: { code: string; key: string; params?: Record<string, string> } | null;
  /** Set when the server restricted this workstation to reading: the administrator's reason. */
  readOnlyReason?: string;
  /** The operator's Ed25519 account key, in memory while signed in: resumes a server session (none for a legacy entry). */
  signKey: SignKey | null;
  /** The operator's server session (docs/security.md), memory only. */
  server: { token: string; expiresAt: number } | null;
}

export interface SessionDeps {
  dataDir: string;
  events: EventBus;
  language: () => Language;
  idleLockMinutes: () => number;
  now?: () => Date;
  /** Translates a server refusal into the workstation's own message. */
  describe: (code: string, params?: Record<string, string>) => string;
}

/** A live link to the server for the signed-in operator, or why there is none. */
export type LiveConnection = { kind: 'ok'; connection: ServerConnection } | { kind: 'refused'; error: ServerError } | { kind: 'unreachable'; detail: string };

/** Who is signed in at this workstation, holding the cache's key only while they are. */
export class SessionService {
  private session: OpenSession | null = null;
  private lockedUsername: string | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly now: () => Date;

  constructor(private readonly deps: SessionDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  status(): SessionStatus {
    const identity = readIdentity(this.deps.dataDir);
    if (!identity) return { state: 'notActivated' };
    const names = { workstationName: identity.workstationName, agencyName: identity.agencyName };
    if (this.session) {
      const { user, mustChangePassword, verifiedOnline, serverNotice: notice } = this.session;
      const serverNotice = notice && { code: notice.code, message: this.deps.describe(notice.key, notice.params) };
      return { state: 'signedIn', ...names, user, mustChangePassword, verifiedOnline, serverNotice };
    }
    if (this.lockedUsername) return { state: 'locked', ...names, username: this.lockedUsername };
    return { state: 'signedOut', ...names };
  }

  /** The open cache, for operations that need the signed-in operator. */
  database(): CacheDatabase {
    if (!this.session) throw new BalaError('SIGNED_OUT');
    if (this.session.mustChangePassword) throw new BalaError('PASSWORD_CHANGE_REQUIRED');
    return this.session.db;
  }

  /** The signed-in operator and the open cache, for work on records; refuses a read-only workstation's writes. */
  work(intent: 'read' | 'write'): { db: CacheDatabase; username: string; role: string } {
    const db = this.database();
    const session = this.session as OpenSession;
    if (intent === 'write' && session.readOnlyReason !== undefined) {
      throw new BalaError('WORKSTATION_RESTRICTED', { reason: session.readOnlyReason });
    }
    return { db, username: session.user.username, role: session.user.role };
  }

  async signIn(username: string, password: string): Promise<SessionStatus> {
    const keyring = this.keyring();
    const entry = keyring.find(username);
    const now = this.now();
    if (!entry) {
      await spendDecoy(password);
      throw new BalaError('WRONG_PASSWORD');
    }
    if (entry.kind === 'removed') {
      await spendDecoy(password);
      throw new BalaError(entry.reason === 'disabled' ? 'ACCOUNT_DISABLED' : 'ACCESS_REMOVED');
    }
    if (entry.lockedUntil && Date.parse(entry.lockedUntil) > now.getTime()) {
      throw new BalaError('ACCOUNT_LOCKED', { until: this.timeText(new Date(entry.lockedUntil)) });
    }
    const unlocked = await unlockEntry(keyring, entry, password);
    if (!unlocked) {
      const failedAttempts = entry.failedAttempts + 1;
      const locked = failedAttempts >= maxFailedAttempts;
      keyring.upsert({
        ...entry,
        failedAttempts: locked ? 0 : failedAttempts,
        lockedUntil: locked ? new Date(now.getTime() + lockoutMinutes * 60_000).toISOString() : null,
      });
      keyring.save();
      throw new BalaError('WRONG_PASSWORD');
    }
    const { dataKey, keys } = unlocked;
    if (entry.failedAttempts > 0 || entry.lockedUntil) {
      keyring.upsert({ ...entry, failedAttempts: 0, lockedUntil: null });
      keyring.save();
    }

    let db: CacheDatabase;
    try {
      db = openCache(path.join(this.deps.dataDir, cacheFileName), dataKey);
    } catch (error) {
      dataKey.fill(0);
      throw error;
    }
    const fail = (error: unknown): never => {
      db.close();
      dataKey.fill(0);
      throw error;
    };
    const operator = operatorRow(db, username);
    if (!operator) return fail(new BalaError('KEYRING_TAMPERED'));
    // The cache decides (docs/security.md): a wrap it does not name was restored or forged.
    if (!this.admitted(entry, operator, db, keyring)) {
      this.localAudit(db, operator.username, 'session.keyringRefused', {});
      return fail(new BalaError('KEYRING_TAMPERED'));
    }
    const validUntil = operator.valid_until ?? (entry.kind === 'legacy' ? entry.validUntil : now.toISOString());
    const opened: OpenSession = {
      user: { username: operator.username, displayName: operator.display_name, role: operator.role, validUntil },
      db,
      dataKey,
      mustChangePassword: entry.kind === 'legacy' ? entry.mustChangePassword : operator.must_change_password === 1,
      verifiedOnline: false,
      serverNotice: null,
      signKey: keys?.signKey ?? null,
      server: null,
    };
    try {
      await this.confirmOnline(opened, password, keyring);
    } catch (error) {
      fail(error);
    }
    if (Date.parse(opened.user.validUntil) < now.getTime()) {
      fail(new BalaError('ACCOUNT_EXPIRED', { date: formatDate(new Date(opened.user.validUntil), this.deps.language()) }));
    }
    this.session = opened;
    this.lockedUsername = null;
    this.audit('session.signedIn', { online: opened.verifiedOnline });
    this.touch();
    return this.announce();
  }

  /**
   * Whether the cache admits the entry that opened it. A version-2 entry must carry the
   * credential the cache names for the operator; the previous one only while a local change
   * waits — the change was cut before the keyring was written, so it is rolled back here.
   */
  private admitted(entry: WrapEntry, operator: NonNullable<ReturnType<typeof operatorRow>>, db: CacheDatabase, keyring: Keyring): boolean {
    if (operator.disabled === 1) {
      removeAccess(db, keyring, operator.username, 'disabled', this.now());
      return false;
    }
    if (entry.kind === 'legacy') return operator.legacy === 1;
    if (operator.credential_id === entry.credentialId) return true;
    if (operator.previous_credential_id !== null && operator.previous_credential_id === entry.credentialId) {
      db.prepare('DELETE FROM pending_password_changes WHERE username = ?').run(operator.username);
      adoptCredential(db, operator.username, entry.credentialId, null);
      return true;
    }
    return false;
  }

  /**
   * Asks the server, when it answers, whether this operator may still sign in, and opens their
   * server session: a password, a disabling or an expiry changed there takes effect now, and
   * the other operators' standing is brought up to date. Unreachable: offline sign-in stands.
   */
  private async confirmOnline(opened: OpenSession, password: string, keyring: Keyring): Promise<void> {
    const pending = await this.pushPendingPasswordChange(opened, keyring);
    if (pending === 'unreachable') return;
    let result: SignInResult;
    if (pending === 'none') {
      const answer = await serverRequest(this.connection(opened.db), 'POST', serverRoutes.signIn, { username: opened.user.username, password }, signInResultSchema);
      if (answer.kind === 'unreachable') return;
      if (answer.kind === 'refused') {
        this.applyRefusal(answer.error, opened, keyring);
        return;
      }
      result = answer.value;
    } else {
      result = pending;
    }
    await this.acceptSignIn(opened, result, keyring, password);
    await this.refreshOperators(opened, keyring);
  }

  /**
   * The server accepted the operator: its statement is applied, its session kept; a legacy
   * entry, or one whose account the server derived anew, is re-wrapped to the account keys.
   */
  private async acceptSignIn(opened: OpenSession, result: SignInResult, keyring: Keyring, password: string | null): Promise<void> {
    const serverCert = serverCertOf(opened.db);
    const statement = serverCert ? verifyStatement(result.statement, serverCert) : null;
    if (serverCert && (!statement || statement.username.toLowerCase() !== opened.user.username.toLowerCase())) {
      throw new BalaError('SERVER_REFUSED', { message: 'statement' });
    }
    if (!serverCert) {
      // A workstation activated from a profile older than handover: no server key to check the
      // server's word or escrow the cache key to. It works on, and says it needs a new profile.
      opened.serverNotice = { code: 'WORKSTATION_REISSUE', key: 'errors.WORKSTATION_REISSUE' };
    }
    const entry = keyring.wrapOf(opened.user.username);
    const credentialId = statement?.credentialId ?? credentialIdOf(result.account);
    if (password !== null && (!entry || entry.kind === 'legacy' || entry.credentialId !== credentialId)) {
      const keys = await keysMatching(password, result.account);
      if (keys) {
        keyring.upsert(accountEntry(keyring, opened.user.username, result.account, opened.dataKey));
        if (!keyring.escrow && serverCert) keyring.setEscrow(escrowToServer(opened.dataKey, serverCert, keyring.workstationId));
        keyring.save();
        adoptCredential(opened.db, opened.user.username, credentialId, null);
        opened.signKey = keys.signKey;
      }
    }
    if (statement) applyStatement(opened.db, keyring, statement, this.now());
    opened.verifiedOnline = true;
    opened.server = { token: result.session.token, expiresAt: Date.parse(result.session.expiresAt) };
    opened.user = { ...opened.user, validUntil: result.user.validUntil, displayName: result.user.displayName, role: result.user.role };
    opened.mustChangePassword = result.user.mustChangePassword;
  }

  private applyRefusal(error: ServerError, opened: OpenSession, keyring: Keyring): void {
    const reason = error.reason ?? '';
    const { username } = opened.user;
    switch (error.code) {
      case 'WORKSTATION_SUSPENDED':
      case 'WORKSTATION_RESTRICTED':
        // Local work goes on (records wait in the outbox); the operator sees the administrator's reason.
        opened.serverNotice = { code: error.code, key: `errors.${error.code}`, params: { reason } };
        if (error.code === 'WORKSTATION_RESTRICTED') opened.readOnlyReason = reason;
        return;
      case 'WORKSTATION_OUTDATED':
        // The server serves only newer releases: work goes on offline, the outbox waits for the update.
        opened.serverNotice = { code: error.code, key: 'errors.WORKSTATION_OUTDATED', params: { current: error.current ?? '?', required: error.required ?? '?' } };
        return;
      case 'WORKSTATION_REVOKED':
      case 'WORKSTATION_UNKNOWN':
        throw new BalaError('WORKSTATION_REVOKED', { reason });
      case 'WORKSTATION_COPIED':
        throw new BalaError('WORKSTATION_COPIED');
      case 'USER_DISABLED':
        removeAccess(opened.db, keyring, username, 'disabled', this.now());
        opened.db.prepare('UPDATE operators SET disabled = 1 WHERE username = ?').run(username);
        throw new BalaError('ACCOUNT_DISABLED');
      case 'USER_EXPIRED':
        opened.db.prepare('UPDATE operators SET valid_until = ? WHERE username = ?').run(this.now().toISOString(), username);
        throw new BalaError('ACCOUNT_EXPIRED', { date: formatDate(this.now(), this.deps.language()) });
      case 'USER_LOCKED':
        throw new BalaError('ACCOUNT_LOCKED', { until: error.retryAfter ? this.timeText(new Date(error.retryAfter)) : '' });
      case 'USER_NOT_ON_WORKSTATION':
      case 'USER_UNKNOWN_OR_WRONG_PASSWORD':
        // The password opened this cache, yet the server no longer accepts it (reset or changed
        // elsewhere), or the account left this workstation: that wrap is destroyed now.
        removeAccess(opened.db, keyring, username, error.code === 'USER_NOT_ON_WORKSTATION' ? 'notOnWorkstation' : 'credentialChanged', this.now());
        throw new BalaError('ACCESS_REMOVED');
      default:
        throw new BalaError('SERVER_REFUSED', { message: error.message });
    }
  }

  /**
   * Brings every operator's standing on this workstation up to the server's signed word: a
   * disabled, removed or reset account loses its wrap; then, with the session, the cache key is
   * wrapped to each usable account this workstation does not hold a wrap for yet (a reset
   * password's new account, an operator added since activation, one enabled again).
   */
  private async refreshOperators(opened: OpenSession, keyring: Keyring): Promise<{ selfRemoved: boolean }> {
    const serverCert = serverCertOf(opened.db);
    if (!serverCert) return { selfRemoved: false };
    const connection = this.connection(opened.db);
    const answer = await serverRequest(connection, 'GET', serverRoutes.operators, undefined, operatorsResultSchema);
    if (answer.kind !== 'ok') return { selfRemoved: false };
    const listed = new Set<string>();
    const self = opened.user.username.toLowerCase();
    let selfRemoved = false;
    for (const { statement: signed } of answer.value.operators) {
      const statement = verifyStatement(signed, serverCert);
      if (!statement) continue;
      listed.add(statement.username.toLowerCase());
      const { removed } = applyStatement(opened.db, keyring, statement, this.now());
      if (removed && statement.username.toLowerCase() === self) selfRemoved = true;
    }
    const local = opened.db.prepare('SELECT username FROM operators WHERE credential_id IS NOT NULL OR legacy = 1').all() as { username: string }[];
    for (const { username } of local) {
      if (listed.has(username.toLowerCase())) continue;
      removeAccess(opened.db, keyring, username, 'notOnWorkstation', this.now());
      if (username.toLowerCase() === self) selfRemoved = true;
    }
    if (!selfRemoved && opened.server) await this.wrapForAccounts(opened, keyring, { ...connection, session: opened.server.token }, serverCert);
    return { selfRemoved };
  }

  private async wrapForAccounts(opened: OpenSession, keyring: Keyring, connection: ServerConnection, serverCert: string): Promise<void> {
    const answer = await serverRequest(connection, 'POST', serverRoutes.accounts, {}, accountsResultSchema);
    if (answer.kind !== 'ok') return;
    const { db } = opened;
    for (const offered of answer.value.accounts) {
      const statement = verifyStatement(offered.statement, serverCert);
      if (!statement || statement.disabled || statement.username.toLowerCase() !== offered.username.toLowerCase()) continue;
      if (statement.workstationId !== keyring.workstationId || statement.credentialId !== credentialIdOf(offered.account)) continue;
      if (!operatorRow(db, offered.username)) {
        db.prepare('INSERT INTO operators (username, display_name, role, legacy) VALUES (?, ?, ?, 0)').run(offered.username, offered.displayName, offered.role);
      }
      const waiting = db.prepare('SELECT 1 FROM pending_password_changes WHERE lower(username) = lower(?) AND request_json IS NOT NULL').get(offered.username);
      const entry = keyring.wrapOf(offered.username);
      if (waiting || entry?.kind === 'legacy' || (entry?.kind === 'account' && entry.credentialId === statement.credentialId)) continue;
      keyring.upsert(accountEntry(keyring, offered.username, offered.account, opened.dataKey));
      keyring.save();
      adoptCredential(db, offered.username, statement.credentialId, null);
      applyStatement(db, keyring, statement, this.now());
      this.localAudit(db, offered.username, 'session.accessGranted', { by: opened.user.username });
    }
  }

  /**
   * A connection carrying the signed-in operator's server session, resuming one (a signature of
   * their account key) when there is none yet or it ran out. Sync uses it: offline work goes up
   * under a live session of the operator who is signed in.
   */
  async liveConnection(): Promise<LiveConnection> {
    const session = this.session;
    if (!session) throw new BalaError('SIGNED_OUT');
    const connection = this.connection(session.db);
    if (session.server && session.server.expiresAt - 60_000 > this.now().getTime()) {
      return { kind: 'ok', connection: { ...connection, session: session.server.token } };
    }
    return this.resume(session, connection);
  }

  /** The server refused a session (ended, expired there): the next call resumes a new one. */
  dropServerSession(): void {
    if (this.session) this.session.server = null;
  }

  /** After a sync cycle: the other operators' standing; this operator's own removal signs them out. */
  async afterContact(): Promise<void> {
    const session = this.session;
    if (!session) return;
    const keyring = this.keyring();
    const { selfRemoved } = await this.refreshOperators(session, keyring);
    if (selfRemoved && this.session === session) this.signOut();
  }

  private async resume(session: OpenSession, connection: ServerConnection): Promise<LiveConnection> {
    if (!session.signKey) {
      return { kind: 'refused', error: { code: 'SESSION_REQUIRED', message: this.deps.describe('errors.SESSION_REQUIRED') } };
    }
    const keyring = this.keyring();
    const pending = await this.pushPendingPasswordChange(session, keyring);
    if (pending === 'unreachable') return { kind: 'unreachable', detail: 'unreachable' };
    let result: SignInResult;
    if (pending === 'none') {
      const at = this.now().toISOString();
      const { username } = session.user;
      const signature = signMessage(session.signKey, resumeMessage(keyring.workstationId, username, at));
      const answer = await serverRequest(connection, 'POST', serverRoutes.resume, { username, at, signature }, signInResultSchema);
      if (answer.kind !== 'ok') {
        if (answer.kind === 'refused' && ['USER_DISABLED', 'USER_NOT_ON_WORKSTATION', 'USER_UNKNOWN_OR_WRONG_PASSWORD'].includes(answer.error.code)) {
          removeAccess(session.db, keyring, username, answer.error.code === 'USER_DISABLED' ? 'disabled' : answer.error.code === 'USER_NOT_ON_WORKSTATION' ? 'notOnWorkstation' : 'credentialChanged', this.now());
          this.signOut();
        }
        return answer;
      }
      result = answer.value;
    } else {
      result = pending;
    }
    await this.acceptSignIn(session, result, keyring, null);
    return { kind: 'ok', connection: { ...connection, session: result.session.token } };
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<SessionStatus> {
    const session = this.session;
    if (!session) throw new BalaError('SIGNED_OUT');
    const { username } = session.user;
    const problems = passwordProblems(newPassword, username);
    if (problems.length > 0) {
      throw new BalaError('PASSWORD_POLICY', {
        problems: problems.map((problem) => this.deps.describe(`passwordRules.${problem}`, { min: String(passwordPolicy.minLength), max: String(passwordPolicy.maxLength) })).join('; '),
      });
    }
    const keyring = this.keyring();
    const entry = keyring.wrapOf(username);
    if (!entry) throw new BalaError('SIGNED_OUT');
    const unlocked = await unlockEntry(keyring, entry, currentPassword);
    if (!unlocked) throw new BalaError('WRONG_PASSWORD');
    unlocked.dataKey.fill(0);

    // Online first: the server checks the current password itself and answers with the new account.
    const online = await serverRequest(
      this.connection(session.db),
      'POST',
      serverRoutes.changePassword,
      { username, currentPassword, newPassword },
      signInResultSchema,
    );
    if (online.kind === 'ok') {
      await this.acceptSignIn(session, online.value, keyring, newPassword);
    } else if (online.kind === 'refused' && !['WORKSTATION_SUSPENDED', 'WORKSTATION_RESTRICTED', 'WORKSTATION_OUTDATED'].includes(online.error.code)) {
      if (online.error.code === 'PASSWORD_POLICY') throw new BalaError('PASSWORD_POLICY', { problems: online.error.message });
      this.applyRefusal(online.error, session, keyring);
      throw new BalaError('SERVER_REFUSED', { message: online.error.message });
    } else {
      // Unreachable, or a suspended, restricted or outdated workstation: the change is made here and waits for the server.
      if (!unlocked.keys || entry.kind !== 'account') throw new BalaError('WORKSTATION_REISSUE');
      await this.changeOffline(session, keyring, entry.credentialId, unlocked.keys.signKey, newPassword);
    }
    session.mustChangePassword = false;
    session.db.prepare('UPDATE operators SET must_change_password = 0 WHERE username = ?').run(username);
    this.audit('session.passwordChanged', { online: online.kind === 'ok' });
    this.touch();
    return this.announce();
  }

  /**
   * A change while the server cannot be reached: the new account keys wrap the cache key now,
   * and the server receives a request signed by the current account key (proof the operator knew
   * the current password) at the next contact. Recorded in the cache first, then the keyring.
   */
  private async changeOffline(session: OpenSession, keyring: Keyring, currentCredential: string, currentSignKey: SignKey, newPassword: string): Promise<void> {
    const { username } = session.user;
    const newKdf = newScryptParams();
    const newAccount = await deriveAccountKeys(newPassword, newScryptParams());
    const unsigned: Omit<OfflinePasswordChangeRequest, 'signature'> = {
      username,
      newPasswordHash: (await scryptHash(newPassword, newKdf)).toString('base64'),
      newKdf,
      newAccount: newAccount.public,
      at: this.now().toISOString(),
    };
    const signature = signMessage(currentSignKey, passwordChangeMessage(keyring.workstationId, unsigned));
    const entry = accountEntry(keyring, username, newAccount.public, session.dataKey);
    session.db.transaction(() => {
      // Two changes offline: the second is signed by the first one's key, so the server, which
      // knows only the password before both, checks them in order.
      const waiting = session.db.prepare('SELECT request_json FROM pending_password_changes WHERE username = ? AND request_json IS NOT NULL').get(username) as
        | { request_json: string }
        | undefined;
      const queue = waiting ? (JSON.parse(waiting.request_json) as OfflinePasswordChangeRequest[]) : [];
      queue.push({ ...unsigned, signature });
      session.db
        .prepare(
          `INSERT INTO pending_password_changes (username, current_hash, new_hash, new_kdf_json, changed_at, request_json, signature) VALUES (?, '', '', '', ?, ?, '')
           ON CONFLICT (username) DO UPDATE SET changed_at = excluded.changed_at, request_json = excluded.request_json, signature = ''`,
        )
        .run(username, unsigned.at, JSON.stringify(queue));
      const previous = waiting ? (operatorRow(session.db, username)?.previous_credential_id ?? currentCredential) : currentCredential;
      adoptCredential(session.db, username, entry.credentialId, previous);
    })();
    keyring.upsert(entry);
    keyring.save();
    session.signKey = newAccount.signKey;
    session.server = null;
  }

  /** Sends the password changes made here offline, in order; answers the server's new sign-in, or why not. */
  private async pushPendingPasswordChange(session: OpenSession, keyring: Keyring): Promise<'none' | 'unreachable' | SignInResult> {
    const { username } = session.user;
    const pending = session.db.prepare('SELECT request_json FROM pending_password_changes WHERE username = ? AND request_json IS NOT NULL').get(username) as
      | { request_json: string }
      | undefined;
    if (!pending) return 'none';
    const queue = JSON.parse(pending.request_json) as OfflinePasswordChangeRequest[];
    let last: SignInResult | null = null;
    while (queue.length > 0) {
      const answer: ServerAnswer<SignInResult> = await serverRequest(this.connection(session.db), 'POST', serverRoutes.offlinePasswordChange, queue[0], signInResultSchema);
      if (answer.kind === 'unreachable') return 'unreachable';
      if (answer.kind === 'refused') {
        this.applyRefusal(answer.error, session, keyring);
        return 'none';
      }
      queue.shift();
      last = answer.value;
      if (queue.length > 0) session.db.prepare('UPDATE pending_password_changes SET request_json = ? WHERE username = ?').run(JSON.stringify(queue), username);
    }
    session.db.prepare('DELETE FROM pending_password_changes WHERE username = ?').run(username);
    session.db.prepare('UPDATE operators SET previous_credential_id = NULL WHERE username = ?').run(username);
    return last ?? 'none';
  }

  signOut(): SessionStatus {
    if (this.session) this.audit('session.signedOut', {});
    this.endServerSession();
    this.close();
    this.lockedUsername = null;
    return this.announce();
  }

  /** Closes the cache and forgets the key; the same or another operator signs in to go on. */
  lock(): SessionStatus {
    if (!this.session) return this.status();
    const username = this.session.user.username;
    this.audit('session.locked', {});
    this.endServerSession();
    this.close();
    this.lockedUsername = username;
    return this.announce();
  }

  /** The operator did something: the idle lock starts counting again. */
  touch(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (!this.session) return;
    this.idleTimer = setTimeout(() => this.lock(), this.deps.idleLockMinutes() * 60_000);
    this.idleTimer.unref();
  }

  close(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (!this.session) return;
    this.session.db.close();
    this.session.dataKey.fill(0);
    this.session.signKey = null;
    this.session = null;
  }

  /** Tells the server the session ended (best effort: it expires by itself anyway). */
  private endServerSession(): void {
    const session = this.session;
    if (!session?.server) return;
    const connection = { ...this.connection(session.db), session: session.server.token };
    session.server = null;
    void serverRequest(connection, 'POST', serverRoutes.signOut, {}, z.unknown(), 3_000);
  }

  private connection(db: CacheDatabase): ServerConnection {
    return serverConnectionFrom(db);
  }

  private keyring(): Keyring {
    const keyring = Keyring.load(this.deps.dataDir);
    if (!keyring) throw new BalaError('NOT_ACTIVATED');
    return keyring;
  }

  private audit(action: string, details: Record<string, unknown>): void {
    if (this.session) this.localAudit(this.session.db, this.session.user.username, action, details);
  }

  private localAudit(db: CacheDatabase, actor: string, action: string, details: Record<string, unknown>): void {
    db.prepare('INSERT INTO audit_log (at, actor, action, details_json) VALUES (?, ?, ?, ?)').run(this.now().toISOString(), actor, action, JSON.stringify(details));
  }

  private announce(): SessionStatus {
    const status = this.status();
    this.deps.events.emit('session.changed', status);
    return status;
  }

  private timeText(date: Date): string {
    return `${formatDate(date, this.deps.language())} ${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  }
}
