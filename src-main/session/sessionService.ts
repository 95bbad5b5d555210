import path from 'node:path';
import { formatDate } from '../../shared/i18n/format';
import type { Language } from '../../shared/i18n/languages';
import { passwordProblems } from '../../shared/profile/passwordPolicy';
import type { ScryptParams } from '../../shared/profile/profileFormat';
import { serverRoutes, serverUserSchema, type ServerError } from '../../shared/serverApi/serverApi';
import { readIdentity } from '../activation/workstationIdentity';
import { cacheFileName } from '../activation/activateWorkstation';
import { BalaError } from '../api/balaError';
import type { EventBus } from '../events/eventBus';
import { kekFromPasswordHash, unwrapKey, wrapKey } from '../security/keyWrap';
import { newScryptParams, scryptHash } from '../security/scrypt';
import { openCache, type CacheDatabase } from '../store/cacheDatabase';
import { Keyring, type KeyringEntry } from '../store/keyring';
import { serverRequest, type ServerAnswer } from '../serverLink/serverClient';
import { serverConnectionFrom } from './serverConnection';
import type { SessionStatus, SessionUser } from '../../shared/api/session';
import { z } from 'zod';

export const maxFailedAttempts = 5;
export const lockoutMinutes = 15;
export const offlinePasswordChangeRoute = serverRoutes.offlinePasswordChange;

interface OpenSession {
  user: SessionUser;
  db: CacheDatabase;
  dataKey: Buffer;
  mustChangePassword: boolean;
  verifiedOnline: boolean;
  serverNotice: { code: string; message: string } | null;
  /** Set when the server restricted this workstation to reading: the administrator's reason. */
  readOnlyReason?: string;
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

const userAnswer = z.object({ user: serverUserSchema });

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
      const { user, mustChangePassword, verifiedOnline, serverNotice } = this.session;
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
      await scryptHash(password, newScryptParams()); // the same cost as a real attempt: no user-name probing by timing
      throw new BalaError('WRONG_PASSWORD');
    }
    if (entry.lockedUntil && Date.parse(entry.lockedUntil) > now.getTime()) {
      throw new BalaError('ACCOUNT_LOCKED', { until: this.timeText(new Date(entry.lockedUntil)) });
    }
    if (entry.disabled) throw new BalaError('ACCOUNT_DISABLED');

    const dataKey = unwrapKey(entry.wrappedKey, kekFromPasswordHash(await scryptHash(password, entry.kdf)), keyring.aadFor(entry.id));
    if (!dataKey) {
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
    keyring.upsert({ ...entry, failedAttempts: 0, lockedUntil: null });
    keyring.save();
    if (Date.parse(entry.validUntil) < now.getTime()) {
      dataKey.fill(0);
      throw new BalaError('ACCOUNT_EXPIRED', { date: formatDate(new Date(entry.validUntil), this.deps.language()) });
    }

    const db = openCache(path.join(this.deps.dataDir, cacheFileName), dataKey);
    const operator = db.prepare('SELECT username, display_name, role FROM operators WHERE lower(username) = lower(?)').get(username) as
      | { username: string; display_name: string; role: string }
      | undefined;
    const user: SessionUser = {
      username: operator?.username ?? username,
      displayName: operator?.display_name ?? username,
      role: operator?.role ?? '',
      validUntil: entry.validUntil,
    };
    const opened: OpenSession = { user, db, dataKey, mustChangePassword: entry.mustChangePassword, verifiedOnline: false, serverNotice: null };
    try {
      await this.confirmOnline(opened, password, keyring);
    } catch (error) {
      db.close();
      dataKey.fill(0);
      throw error;
    }
    this.session = opened;
    this.lockedUsername = null;
    this.audit('session.signedIn', { online: opened.verifiedOnline });
    this.touch();
    return this.announce();
  }

  /**
   * Asks the server, when it answers, whether this operator may still sign in: a password,
   * disabling or expiry changed there takes effect now. Unreachable: offline sign-in stands.
   */
  private async confirmOnline(opened: OpenSession, password: string, keyring: Keyring): Promise<void> {
    const connection = serverConnectionFrom(opened.db);
    await this.pushPendingPasswordChange(opened);
    const answer = await serverRequest(connection, 'POST', serverRoutes.signIn, { username: opened.user.username, password }, userAnswer);
    if (answer.kind === 'unreachable') return;
    const entry = keyring.find(opened.user.username) as KeyringEntry;
    if (answer.kind === 'ok') {
      opened.verifiedOnline = true;
      opened.user = { ...opened.user, validUntil: answer.value.user.validUntil, displayName: answer.value.user.displayName };
      opened.mustChangePassword = answer.value.user.mustChangePassword;
      keyring.upsert({ ...entry, validUntil: answer.value.user.validUntil, mustChangePassword: answer.value.user.mustChangePassword });
      keyring.save();
      return;
    }
    this.applyRefusal(answer.error, entry, keyring, opened);
  }

  private applyRefusal(error: ServerError, entry: KeyringEntry, keyring: Keyring, opened: OpenSession): void {
    const reason = error.reason ?? '';
    switch (error.code) {
      case 'WORKSTATION_SUSPENDED':
      case 'WORKSTATION_RESTRICTED':
        // Local work goes on (records wait in the outbox); the operator sees the administrator's reason.
        opened.serverNotice = { code: error.code, message: this.deps.describe(`errors.${error.code}`, { reason }) };
        if (error.code === 'WORKSTATION_RESTRICTED') opened.readOnlyReason = reason;
        return;
      case 'WORKSTATION_REVOKED':
      case 'WORKSTATION_UNKNOWN':
        throw new BalaError('WORKSTATION_REVOKED', { reason });
      case 'USER_DISABLED':
        keyring.upsert({ ...entry, disabled: true });
        keyring.save();
        throw new BalaError('ACCOUNT_DISABLED');
      case 'USER_EXPIRED':
        keyring.upsert({ ...entry, validUntil: this.now().toISOString() });
        keyring.save();
        throw new BalaError('ACCOUNT_EXPIRED', { date: formatDate(this.now(), this.deps.language()) });
      case 'USER_LOCKED':
        throw new BalaError('ACCOUNT_LOCKED', { until: error.retryAfter ? this.timeText(new Date(error.retryAfter)) : '' });
      case 'USER_UNKNOWN_OR_WRONG_PASSWORD':
        // The server no longer accepts this password (reset or changed there): it stops working here too.
        throw new BalaError('WRONG_PASSWORD');
      default:
        throw new BalaError('SERVER_REFUSED', { message: error.message });
    }
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<SessionStatus> {
    const session = this.session;
    if (!session) throw new BalaError('SIGNED_OUT');
    const problems = passwordProblems(newPassword, session.user.username);
    if (problems.length > 0) {
      throw new BalaError('PASSWORD_POLICY', {
        problems: problems.map((problem) => this.deps.describe(`passwordRules.${problem}`, { min: '10', max: '128' })).join('; '),
      });
    }
    const keyring = this.keyring();
    const entry = keyring.find(session.user.username);
    if (!entry) throw new BalaError('SIGNED_OUT');
    const currentHash = await scryptHash(currentPassword, entry.kdf);
    if (!unwrapKey(entry.wrappedKey, kekFromPasswordHash(currentHash), keyring.aadFor(entry.id))) throw new BalaError('WRONG_PASSWORD');

    const newKdf = newScryptParams();
    const newHash = await scryptHash(newPassword, newKdf);
    // Recorded first, so the server learns of the change even if this process dies right after.
    session.db
      .prepare(
        // Two changes offline: the server still knows only the first "current" password, so that
        // one is kept and only the new one replaced — else the queued change could never be verified.
        `INSERT INTO pending_password_changes (username, current_hash, new_hash, new_kdf_json, changed_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (username) DO UPDATE SET new_hash = excluded.new_hash, new_kdf_json = excluded.new_kdf_json, changed_at = excluded.changed_at`,
      )
      .run(session.user.username, currentHash.toString('base64'), newHash.toString('base64'), JSON.stringify(newKdf), this.now().toISOString());
    keyring.upsert({ ...entry, kdf: newKdf, wrappedKey: wrapKey(session.dataKey, kekFromPasswordHash(newHash), keyring.aadFor(entry.id)), mustChangePassword: false });
    keyring.save();
    session.mustChangePassword = false;
    this.audit('session.passwordChanged', {});
    await this.pushPendingPasswordChange(session);
    this.touch();
    return this.announce();
  }

  /** Sends a password change made here to the server; kept for later when it does not answer. */
  private async pushPendingPasswordChange(session: OpenSession): Promise<void> {
    const pending = session.db.prepare('SELECT current_hash, new_hash, new_kdf_json FROM pending_password_changes WHERE username = ?').get(session.user.username) as
      | { current_hash: string; new_hash: string; new_kdf_json: string }
      | undefined;
    if (!pending) return;
    const answer: ServerAnswer<unknown> = await serverRequest(
      serverConnectionFrom(session.db),
      'POST',
      offlinePasswordChangeRoute,
      {
        username: session.user.username,
        currentPasswordHash: pending.current_hash,
        newPasswordHash: pending.new_hash,
        newKdf: JSON.parse(pending.new_kdf_json) as ScryptParams,
      },
      userAnswer,
    );
    if (answer.kind === 'ok') session.db.prepare('DELETE FROM pending_password_changes WHERE username = ?').run(session.user.username);
  }

  signOut(): SessionStatus {
    if (this.session) this.audit('session.signedOut', {});
    this.close();
    this.lockedUsername = null;
    return this.announce();
  }

  /** Closes the cache and forgets the key; the same or another operator signs in to go on. */
  lock(): SessionStatus {
    if (!this.session) return this.status();
    const username = this.session.user.username;
    this.audit('session.locked', {});
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
    this.session = null;
  }

  private keyring(): Keyring {
    const keyring = Keyring.load(this.deps.dataDir);
    if (!keyring) throw new BalaError('NOT_ACTIVATED');
    return keyring;
  }

  private audit(action: string, details: Record<string, unknown>): void {
    this.session?.db
      .prepare('INSERT INTO audit_log (at, actor, action, details_json) VALUES (?, ?, ?, ?)')
      .run(this.now().toISOString(), this.session.user.username, action, JSON.stringify(details));
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
