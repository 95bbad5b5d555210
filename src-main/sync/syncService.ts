import type { SyncStatus } from '../../shared/api/sync';
import type { PackDef } from '../../shared/forms/packTypes';
import { isErrorCode } from '../../shared/api/errorCodes';
import type { EventBus } from '../events/eventBus';
import type { SessionService } from '../session/sessionService';
import { Outbox } from './outbox';
import { CaseStore } from '../cases/caseStore';
import { pullChanges } from './pullChanges';
import { pushOutbox } from './pushOutbox';
import { syncState } from './syncState';
import { SyncStop } from './syncStop';

export interface SyncDeps {
  session: SessionService;
  events: EventBus;
  packs: readonly PackDef[];
  describe: (key: string, params?: Record<string, string>) => string;
  now?: () => Date;
  /** Pause between cycles when all went well (background sync). */
  intervalMs?: number;
  /** Run in the background while someone is signed in (off for the CLI and unit tests). */
  background?: boolean;
}

/** Pack 3 §3.5: a change must reach the central server within three days. */
export const deliveryDays = 3;
const firstRetryMs = 5_000;
const longestRetryMs = 5 * 60_000;
/** A few seconds after a save: several saves in a row travel in one batch. */
const afterSaveMs = 3_000;

/** A problem as a catalogue key and its values: worded in the language in force when it is shown, not when it happened. */
type Problem = { code: string; key: string; params: Record<string, string> };
type Phase = Pick<SyncStatus, 'state' | 'progress' | 'nextAttemptAt'> & { problem: Problem | null };

/**
 * Background sync of the signed-in workstation: push the outbox, then pull the scope, again and
 * again; after a failure, retries with growing pauses (a sleep, a pulled cable, a server restart
 * all end the same way: the next attempt goes through). `syncNow` runs one cycle at once.
 */
export class SyncService {
  private phase: Phase = { state: 'idle', problem: null, progress: null, nextAttemptAt: null };
  private running: Promise<SyncStatus> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private readonly now: () => Date;
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: SyncDeps) {
    this.now = deps.now ?? (() => new Date());
    this.unsubscribe = deps.events.subscribe((event) => {
      if (event.name !== 'session.changed' || !deps.background) return;
      if (event.payload.state === 'signedIn' && !event.payload.mustChangePassword) this.schedule(1_000);
      else this.stopTimer();
    });
  }

  status(): SyncStatus {
    const db = this.openDb();
    const problem = this.phase.problem && { code: this.phase.problem.code, message: this.deps.describe(this.phase.problem.key, this.phase.problem.params) };
    if (!db) return { ...this.phase, problem, state: 'signedOut', pending: 0, conflicts: 0, rejected: 0, oldestPendingAt: null, overdue: false, lastSuccessAt: null, lastAttemptAt: null };
    const counts = new Outbox(db).counts();
    // Case events not yet on the server wait like changes (and count for the 3-day rule).
    const events = new CaseStore(db).unpushedCount();
    const oldest = [counts.oldestAt, events.oldestAt].filter((at): at is string => at !== null).sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;
    return {
      ...this.phase,
      problem,
      pending: counts.pending + events.count,
      conflicts: counts.conflicts,
      rejected: counts.rejected,
      oldestPendingAt: oldest,
      overdue: oldest !== null && this.now().getTime() - Date.parse(oldest) > deliveryDays * 86_400_000,
      lastSuccessAt: syncState.get(db, 'lastSuccessAt'),
      lastAttemptAt: syncState.get(db, 'lastAttemptAt'),
    };
  }

  /** One cycle now; a cycle already running is joined, not doubled. */
  syncNow(): Promise<SyncStatus> {
    this.running ??= this.cycle().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** A save queued a change: the status shows it at once, and a background sync sends it soon. */
  outboxChanged(): void {
    this.deps.events.emit('sync.changed', this.status());
    if (this.running || this.phase.state === 'syncing') return;
    // Offline or refused: the retry already planned stands (no hammering a server that said no).
    if (this.phase.state === 'idle') this.schedule(afterSaveMs);
  }

  close(): void {
    this.stopTimer();
    this.unsubscribe();
  }

  private async cycle(): Promise<SyncStatus> {
    const work = this.deps.session.work('read');
    const { db, username } = work;
    this.stopTimer();
    this.set({ state: 'syncing', problem: null, progress: null, nextAttemptAt: null });
    syncState.set(db, 'lastAttemptAt', this.now().toISOString());
    let problem: Problem | null = null;
    try {
      const link = await this.deps.session.liveConnection();
      if (link.kind !== 'ok') throw new SyncStop(link);
      const { connection } = link;
      try {
        await pushOutbox(db, connection, this.deps.packs, (progress) => this.set({ ...this.phase, progress: { phase: 'push', ...progress } }));
      } catch (error) {
        // A restricted workstation may still receive: its changes wait, the reason is shown.
        if (!(error instanceof SyncStop && error.answer.kind === 'refused' && error.answer.error.code === 'WORKSTATION_RESTRICTED')) throw error;
        problem = this.describeStop(error);
      }
      await pullChanges(db, connection, username, this.deps.packs, (received) =>
        this.set({ ...this.phase, progress: { phase: 'pull', done: received, total: 0 } }),
      );
      if (!problem) syncState.set(db, 'lastSuccessAt', this.now().toISOString());
      this.failures = 0;
      this.set({ state: problem ? 'refused' : 'idle', problem, progress: null, nextAttemptAt: null });
      this.schedule(this.deps.intervalMs ?? 30_000);
      // Every contact brings the operators' standing up to date (a disabled or reset account loses its wrap).
      await this.deps.session.afterContact();
    } catch (error) {
      if (!(error instanceof SyncStop)) throw error;
      // The server ended or forgot the session: the next attempt resumes a new one.
      if (error.answer.kind === 'refused' && error.answer.error.code === 'SESSION_REQUIRED') this.deps.session.dropServerSession();
      this.failures += 1;
      const wait = Math.min(longestRetryMs, firstRetryMs * 2 ** (this.failures - 1));
      this.set({ state: error.answer.kind === 'unreachable' ? 'offline' : 'refused', problem: this.describeStop(error), progress: null, nextAttemptAt: null });
      this.schedule(wait);
    }
    return this.status();
  }

  private describeStop(stop: SyncStop): Problem {
    const { answer } = stop;
    if (answer.kind === 'unreachable') return { code: 'SERVER_UNREACHABLE', key: 'errors.SERVER_UNREACHABLE', params: {} };
    const { code, reason, message, current, required } = answer.error;
    // WORKSTATION_OUTDATED: the operator is told to install the new release; the outbox waits for it.
    if (isErrorCode(code)) return { code, key: `errors.${code}`, params: { reason: reason ?? '', current: current ?? '?', required: required ?? '?' } };
    return { code: 'SERVER_REFUSED', key: 'errors.SERVER_REFUSED', params: { message } };
  }

  private schedule(ms: number): void {
    if (!this.deps.background) return;
    this.stopTimer();
    this.phase = { ...this.phase, nextAttemptAt: new Date(this.now().getTime() + ms).toISOString() };
    this.timer = setTimeout(() => {
      this.timer = null;
      this.syncNow().catch(() => this.schedule(longestRetryMs)); // signed out or locked meanwhile: try later
    }, ms);
    this.timer.unref();
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private set(phase: Phase): void {
    this.phase = phase;
    this.deps.events.emit('sync.changed', this.status());
  }

  private openDb() {
    try {
      return this.deps.session.work('read').db;
    } catch {
      return null;
    }
  }
}
