import crypto from 'node:crypto';
import type { FormValues } from '../../shared/forms/formTypes';
import type { ChangeOutcome } from '../../shared/sync/syncProtocol';
import type { CacheDatabase } from '../store/cacheDatabase';

export type OutboxState = 'pending' | 'conflict' | 'rejected';

/** One saved change waiting for the central server's answer. */
export interface OutboxEntry {
  seq: number;
  changeId: string;
  recordId: string;
  formId: string;
  formVersion: number;
  subjectId: string | null;
  baseRevision: number;
  /** The record's values as saved (frozen: a retry sends the same change). */
  values: FormValues;
  /** The sections the change touched; null: all (a record new to the server). */
  sections: string[] | null;
  author: string;
  at: string;
  reason: string | null;
  state: OutboxState;
  answer: ChangeOutcome | null;
  attempts: number;
}

interface OutboxRow {
  seq: number;
  change_id: string;
  record_id: string;
  form_id: string;
  form_version: number;
  subject_id: string | null;
  base_revision: number;
  values_json: string;
  sections_json: string | null;
  author: string;
  at: string;
  reason: string | null;
  state: OutboxState;
  answer_json: string | null;
  attempts: number;
}

const toEntry = (row: OutboxRow): OutboxEntry => ({
  seq: row.seq,
  changeId: row.change_id,
  recordId: row.record_id,
  formId: row.form_id,
  formVersion: row.form_version,
  subjectId: row.subject_id,
  baseRevision: row.base_revision,
  values: JSON.parse(row.values_json) as FormValues,
  sections: row.sections_json === null ? null : (JSON.parse(row.sections_json) as string[]),
  author: row.author,
  at: row.at,
  reason: row.reason,
  state: row.state,
  answer: row.answer_json === null ? null : (JSON.parse(row.answer_json) as ChangeOutcome),
  attempts: row.attempts,
});

export interface NewChange {
  recordId: string;
  formId: string;
  formVersion: number;
  subjectId: string | null;
  baseRevision: number;
  values: FormValues;
  sections: string[] | null;
  author: string;
  at: string;
  reason: string | null;
}

/** The outbox of the encrypted cache: written in the same transaction as the record it describes. */
export class Outbox {
  constructor(private readonly db: CacheDatabase) {}

  /**
   * Queues a saved change. A rejected change of the same record is superseded: its sections go
   * with this one, so the operator's correction carries everything the server has not accepted.
   */
  add(change: NewChange): string {
    const rejected = this.db.prepare("SELECT seq, sections_json FROM outbox WHERE record_id = ? AND state = 'rejected'").all(change.recordId) as {
      seq: number;
      sections_json: string | null;
    }[];
    let sections = change.sections;
    for (const row of rejected) {
      sections = sections === null || row.sections_json === null ? null : [...new Set([...sections, ...(JSON.parse(row.sections_json) as string[])])];
      this.db.prepare('DELETE FROM outbox WHERE seq = ?').run(row.seq);
    }
    const changeId = crypto.randomUUID();
    this.db
      .prepare(
        `INSERT INTO outbox (change_id, record_id, form_id, form_version, subject_id, base_revision, values_json, sections_json, author, at, reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        changeId,
        change.recordId,
        change.formId,
        change.formVersion,
        change.subjectId,
        change.baseRevision,
        JSON.stringify(change.values),
        sections === null ? null : JSON.stringify(sections),
        change.author,
        change.at,
        change.reason,
      );
    return changeId;
  }

  /** Pending changes, oldest first. */
  pending(limit: number): OutboxEntry[] {
    return (this.db.prepare("SELECT * FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?").all(limit) as OutboxRow[]).map(toEntry);
  }

  /** Changes that need the operator: conflicts to resolve and rejections to correct. */
  needingAttention(): OutboxEntry[] {
    return (this.db.prepare("SELECT * FROM outbox WHERE state <> 'pending' ORDER BY seq").all() as OutboxRow[]).map(toEntry);
  }

  find(changeId: string): OutboxEntry | null {
    const row = this.db.prepare('SELECT * FROM outbox WHERE change_id = ?').get(changeId) as OutboxRow | undefined;
    return row ? toEntry(row) : null;
  }

  counts(): { pending: number; conflicts: number; rejected: number; oldestAt: string | null } {
    const row = this.db
      .prepare(
        `SELECT count(*) FILTER (WHERE state = 'pending') AS pending, count(*) FILTER (WHERE state = 'conflict') AS conflicts,
                count(*) FILTER (WHERE state = 'rejected') AS rejected, min(at) AS oldest FROM outbox`,
      )
      .get() as { pending: number; conflicts: number; rejected: number; oldest: string | null };
    return { pending: row.pending, conflicts: row.conflicts, rejected: row.rejected, oldestAt: row.oldest };
  }

  /** Sections not yet accepted by the server for a record: a pulled version must not overwrite them. */
  unsentSections(recordId: string): string[] | 'all' {
    const rows = this.db.prepare('SELECT sections_json FROM outbox WHERE record_id = ?').all(recordId) as { sections_json: string | null }[];
    if (rows.some((row) => row.sections_json === null)) return 'all';
    return [...new Set(rows.flatMap((row) => JSON.parse(row.sections_json as string) as string[]))];
  }

  /** Stores the server's answer: delivered changes leave the outbox, the rest wait for the operator. */
  answer(outcome: ChangeOutcome): void {
    if (outcome.outcome === 'accepted' || outcome.outcome === 'alreadyApplied') {
      this.db.prepare('DELETE FROM outbox WHERE change_id = ?').run(outcome.changeId);
      return;
    }
    this.db
      .prepare('UPDATE outbox SET state = ?, answer_json = ?, attempts = attempts + 1 WHERE change_id = ?')
      .run(outcome.outcome === 'conflict' ? 'conflict' : 'rejected', JSON.stringify(outcome), outcome.changeId);
  }

  remove(changeId: string): void {
    this.db.prepare('DELETE FROM outbox WHERE change_id = ?').run(changeId);
  }
}
