import crypto from 'node:crypto';
import type { HistoryView, RecordView } from '../../shared/api/records';
import type { FormDef, FormValues, PhotoValue } from '../../shared/forms/formTypes';
import { nameSkeleton, similarSkeletons } from '../../shared/forms/nameMatching';
import { BalaError } from '../api/balaError';
import type { CacheDatabase } from '../store/cacheDatabase';
import { diffValues, type FieldChange } from './changes';
import { identityKeys } from './identityKeys';
import { scopeCondition, wholeCache, type ReaderScope } from './readerScope';
import { writeRecordFacts } from './recordFacts';
import { applySections, changedSections, pickSections } from '../../shared/sync/sections';
import { Outbox } from '../sync/outbox';

/** A record as stored: what the API shows, before redaction and the deadline are worked out. */
export type StoredRecord = Omit<RecordView, 'deadline'>;

export type HistoryEntry = HistoryView;

/** A record as the central server holds it (a pulled version). */
export interface ReceivedVersion {
  id: string;
  formVersion: number;
  subjectId: string | null;
  values: FormValues;
  revision: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface PossibleDuplicate {
  recordId: string;
  /** Why it is shown: the same PIN, or a similar name with a birth date within the window. */
  samePin: boolean;
  similarName: boolean;
}

interface RecordRow {
  id: string;
  form_id: string;
  form_version: number;
  values_json: string;
  revision: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  subject_id: string | null;
  server_revision: number | null;
}

const toRecord = (row: RecordRow): StoredRecord => ({
  id: row.id,
  formId: row.form_id,
  formVersion: row.form_version,
  values: JSON.parse(row.values_json) as FormValues,
  revision: row.revision,
  createdAt: row.created_at,
  createdBy: row.created_by,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
  subjectId: row.subject_id,
  serverRevision: row.server_revision,
});

/** How far apart two birth dates may be and still suggest the same child (typing slips). */
const birthWindowDays = 31;

const shiftDate = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Records of every form, kept in the encrypted cache with their whole history. The caller has
 * validated the values against the form; this store keeps them consistent: revisions, history,
 * identity keys, and one record per PIN per form.
 */
export class RecordStore {
  /**
   * `scope`: whose records this store shows — an operator's reads pass theirs (readerScope), so
   * a record out of their reach is not found, listed, searched, matched or printed; the
   * default (the whole cache) is for sync, handover and the store's own consistency checks.
   */
  constructor(
    private readonly db: CacheDatabase,
    private readonly now: () => Date = () => new Date(),
    private readonly scope: ReaderScope = wholeCache,
  ) {}

  /** A store limited to what one operator may read (docs/security.md). */
  static forReader(db: CacheDatabase, scope: ReaderScope, now?: () => Date): RecordStore {
    return new RecordStore(db, now, scope);
  }

  private within(formColumn: string, idColumn: string) {
    return scopeCondition(this.scope, formColumn, idColumn);
  }

  /** `holder`: the agency holding the record, by default this workstation's (imports and benches name another). */
  create(form: FormDef, values: FormValues, by: string, options: { reason?: string | null; subjectId?: string | null; holder?: string } = {}): StoredRecord {
    const id = crypto.randomUUID();
    const at = this.now().toISOString();
    const reason = options.reason ?? null;
    const subjectId = options.subjectId ?? null;
    this.db.transaction(() => {
      if (form.subject) {
        const subject = subjectId ? this.get(subjectId) : null;
        if (subject?.formId !== form.subject.formId) throw new BalaError('NOT_FOUND');
      }
      this.refuseDuplicatePin(form, values, null);
      this.db
        .prepare(
          'INSERT INTO records (id, form_id, form_version, values_json, revision, created_at, created_by, updated_at, updated_by, subject_id) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?)',
        )
        .run(id, form.id, form.version, JSON.stringify(values), at, by, at, by, form.subject ? subjectId : null);
      this.appendHistory(id, 1, at, by, form.version, diffValues({}, values), reason);
      this.writeKeys(form, id, values);
      writeRecordFacts(this.db, form, id, values, options.holder ?? 'thisWorkstation', form.subject ? subjectId : null);
      new Outbox(this.db).add({
        recordId: id, formId: form.id, formVersion: form.version, subjectId: form.subject ? subjectId : null,
        baseRevision: 0, values, sections: null, author: by, at, reason,
      });
    })();
    return this.require(id);
  }

  /** Saves a new version; refused if someone saved in between (`baseRevision` is stale). */
  /**
   * `queue` says what goes to the outbox: by default the changed sections on the server revision
   * this record had; a resolved conflict passes its own (or null: nothing to send).
   */
  update(
    form: FormDef,
    id: string,
    baseRevision: number,
    values: FormValues,
    by: string,
    reason: string | null = null,
    queue: 'changed' | { baseRevision: number; sections: string[] } | null = 'changed',
  ): StoredRecord {
    return this.db.transaction(() => {
      const current = this.require(id);
      if (current.formId !== form.id) throw new BalaError('NOT_FOUND');
      if (current.revision !== baseRevision) throw new BalaError('RECORD_CHANGED', { by: current.updatedBy, at: current.updatedAt });
      const changes = diffValues(current.values, values);
      if (changes.length === 0) return current;
      this.refuseDuplicatePin(form, values, id);
      const at = this.now().toISOString();
      const revision = current.revision + 1;
      this.db
        .prepare('UPDATE records SET form_version = ?, values_json = ?, revision = ?, updated_at = ?, updated_by = ? WHERE id = ?')
        .run(form.version, JSON.stringify(values), revision, at, by, id);
      this.appendHistory(id, revision, at, by, form.version, changes, reason);
      this.db.prepare('DELETE FROM record_keys WHERE record_id = ?').run(id);
      this.writeKeys(form, id, values);
      writeRecordFacts(this.db, form, id, values, 'thisWorkstation', current.subjectId);
      if (queue !== null) {
        const sent = queue === 'changed' ? { baseRevision: current.serverRevision ?? 0, sections: changedSections(form, current.values, values) } : queue;
        new Outbox(this.db).add({ recordId: id, formId: form.id, formVersion: form.version, subjectId: current.subjectId, ...sent, values, author: by, at, reason });
      }
      return this.require(id);
    })();
  }

  /**
   * Stores a version received from the central server (the source of truth). Sections this
   * workstation has not yet delivered keep the operator's values; nothing goes to the outbox.
   * Returns whether anything changed here.
   */
  /** `holder`: the agency holding the record on the server ('' when the server did not say). */
  receive(form: FormDef, received: ReceivedVersion, keepLocal: readonly string[] | 'all', holder = ''): boolean {
    return this.db.transaction(() => {
      const current = this.get(received.id);
      if (!current) {
        this.db
          .prepare(
            `INSERT INTO records (id, form_id, form_version, values_json, revision, created_at, created_by, updated_at, updated_by, subject_id, server_revision)
             VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
          )
          .run(received.id, form.id, received.formVersion, JSON.stringify(received.values), received.createdAt, received.createdBy, received.updatedAt, received.updatedBy, received.subjectId, received.revision);
        this.appendHistory(received.id, 1, received.updatedAt, received.updatedBy, received.formVersion, diffValues({}, received.values), null);
        this.writeKeys(form, received.id, received.values);
        writeRecordFacts(this.db, form, received.id, received.values, holder, received.subjectId);
        return true;
      }
      // A holder first received unknown (an older server) is filled in when the server names it.
      if (holder !== '') this.db.prepare("UPDATE record_facts SET holder = ? WHERE form_id = ? AND record_id = ? AND holder = ''").run(holder, form.id, received.id);
      if (current.serverRevision !== null && received.revision <= current.serverRevision) return false;
      const values = keepLocal === 'all' ? current.values : applySections(form, received.values, pickSections(form, current.values, keepLocal));
      const changes = diffValues(current.values, values);
      if (changes.length === 0) {
        this.db.prepare('UPDATE records SET server_revision = ? WHERE id = ?').run(received.revision, received.id);
        return false;
      }
      const revision = current.revision + 1;
      this.db
        .prepare('UPDATE records SET form_version = ?, values_json = ?, revision = ?, updated_at = ?, updated_by = ?, server_revision = ? WHERE id = ?')
        .run(received.formVersion, JSON.stringify(values), revision, received.updatedAt, received.updatedBy, received.revision, received.id);
      this.appendHistory(received.id, revision, received.updatedAt, received.updatedBy, received.formVersion, changes, null);
      this.db.prepare('DELETE FROM record_keys WHERE record_id = ?').run(received.id);
      this.writeKeys(form, received.id, values);
      writeRecordFacts(this.db, form, received.id, values, holder, received.subjectId);
      return true;
    })();
  }

  /** Marks a revision as confirmed by the central server (never moves backwards). */
  confirm(id: string, serverRevision: number): void {
    this.db.prepare('UPDATE records SET server_revision = max(coalesce(server_revision, 0), ?) WHERE id = ?').run(serverRevision, id);
  }

  /** The record, or null when there is none — or none within this store's scope (no existence oracle). */
  get(id: string): StoredRecord | null {
    const scope = this.within('r.form_id', 'r.id');
    const row = this.db.prepare(`SELECT r.* FROM records r WHERE r.id = ? AND ${scope.sql}`).get(id, ...scope.params) as RecordRow | undefined;
    return row ? toRecord(row) : null;
  }

  list(formId: string, limit = 100, offset = 0): StoredRecord[] {
    const scope = this.within('r.form_id', 'r.id');
    const rows = this.db
      .prepare(`SELECT r.* FROM records r WHERE r.form_id = ? AND ${scope.sql} ORDER BY r.updated_at DESC, r.id LIMIT ? OFFSET ?`)
      .all(formId, ...scope.params, limit, offset) as RecordRow[];
    return rows.map(toRecord);
  }

  /**
   * Records whose PIN begins with the digits typed, or whose name parts begin with the words
   * typed (every word must match a part; script, case and spelling variants do not matter).
   */
  search(form: FormDef, query: string, limit = 50): StoredRecord[] {
    const typed = query.trim();
    if (!typed) return [];
    const scope = this.within('k.form_id', 'k.record_id');
    let ids: string[];
    if (/^[\d\s-]+$/.test(typed)) {
      const digits = typed.replace(/[\s-]/g, '');
      ids = (this.db
        .prepare(`SELECT k.record_id FROM record_keys k WHERE k.form_id = ? AND k.kind = 'pin' AND k.value GLOB ? AND ${scope.sql} LIMIT ?`)
        .all(form.id, `${digits}*`, ...scope.params, limit) as { record_id: string }[]).map((row) => row.record_id);
    } else {
      const words = [...new Set(typed.split(/[\s,.-]+/).map(nameSkeleton).filter(Boolean))];
      const [first, second] = words;
      if (!first) return [];
      if (!second) {
        ids = (this.db
          .prepare(`SELECT DISTINCT k.record_id FROM record_keys k WHERE k.form_id = ? AND k.kind = 'namePart' AND k.value GLOB ? AND ${scope.sql} LIMIT ?`)
          .all(form.id, `${first}*`, ...scope.params, limit) as { record_id: string }[]).map((row) => row.record_id);
      } else {
        // Two words: a surname and a name, in either order, against the "surname name" key —
        // one index range per order, no per-record lookups.
        const byOrder = this.db.prepare(`SELECT k.record_id FROM record_keys k WHERE k.form_id = ? AND k.kind = 'name' AND k.value GLOB ? AND ${scope.sql} LIMIT ?`);
        const found = new Set<string>();
        for (const pattern of [`${first}* ${second}*`, `${second}* ${first}*`]) {
          for (const row of byOrder.all(form.id, pattern, ...scope.params, limit) as { record_id: string }[]) found.add(row.record_id);
        }
        ids = [...found].slice(0, limit);
      }
    }
    return ids.map((id) => this.get(id)).filter((record): record is StoredRecord => record !== null);
  }

  /** Records about one subject (a pupil's events), oldest first. */
  aboutSubject(subjectId: string): StoredRecord[] {
    const scope = this.within('r.form_id', 'r.id');
    return (this.db.prepare(`SELECT r.* FROM records r WHERE r.subject_id = ? AND ${scope.sql} ORDER BY r.created_at, r.id`).all(subjectId, ...scope.params) as RecordRow[]).map(toRecord);
  }

  history(id: string): HistoryEntry[] {
    if (!this.get(id)) return [];
    const rows = this.db
      .prepare('SELECT revision, at, by, form_version, changes_json, reason FROM record_history WHERE record_id = ? ORDER BY revision')
      .all(id) as { revision: number; at: string; by: string; form_version: number; changes_json: string; reason: string | null }[];
    return rows.map((row) => ({
      revision: row.revision,
      at: row.at,
      by: row.by,
      formVersion: row.form_version,
      changes: JSON.parse(row.changes_json) as FieldChange[],
      reason: row.reason,
    }));
  }

  /** Records of the same form that may be the same person: same PIN, or similar name and close birth date. */
  possibleDuplicates(form: FormDef, values: FormValues, excludeId: string | null = null): PossibleDuplicate[] {
    const keys = identityKeys(form, values);
    const found = new Map<string, PossibleDuplicate>();
    const entry = (recordId: string) => {
      let match = found.get(recordId);
      if (!match) found.set(recordId, (match = { recordId, samePin: false, similarName: false }));
      return match;
    };
    const scope = this.within('k.form_id', 'k.record_id');
    const pin = keys.find((key) => key.kind === 'pin');
    if (pin) {
      const rows = this.db
        .prepare(`SELECT k.record_id FROM record_keys k WHERE k.form_id = ? AND k.kind = 'pin' AND k.value = ? AND ${scope.sql}`)
        .all(form.id, pin.value, ...scope.params) as { record_id: string }[];
      for (const row of rows) entry(row.record_id).samePin = true;
    }
    const name = keys.find((key) => key.kind === 'name');
    const birth = keys.find((key) => key.kind === 'birth');
    if (name && birth) {
      // One index range over "birth date|name skeleton" keys: the close birth dates with their names.
      const rows = this.db
        .prepare(`SELECT k.record_id, k.value FROM record_keys k WHERE k.form_id = ? AND k.kind = 'birthName' AND k.value BETWEEN ? AND ? AND ${scope.sql}`)
        .all(form.id, `${shiftDate(birth.value, -birthWindowDays)}|`, `${shiftDate(birth.value, birthWindowDays)}|~`, ...scope.params) as { record_id: string; value: string }[];
      const [surname = '', given = ''] = name.value.split(' ');
      for (const row of rows) {
        const [otherSurname = '', otherGiven = ''] = row.value.slice(row.value.indexOf('|') + 1).split(' ');
        if (similarSkeletons(surname, otherSurname) && similarSkeletons(given, otherGiven)) entry(row.record_id).similarName = true;
      }
    }
    if (excludeId) found.delete(excludeId);
    return [...found.values()];
  }

  putBlob(mimeType: string, data: Buffer, by: string): PhotoValue {
    const id = crypto.randomUUID();
    const sha256 = crypto.createHash('sha256').update(data).digest('hex');
    this.db
      .prepare('INSERT INTO blobs (id, mime_type, bytes, sha256, data, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, mimeType, data.length, sha256, data, this.now().toISOString(), by);
    return { blobId: id, mimeType, bytes: data.length };
  }

  /**
   * A photo, within scope when a record of the scope names it, or when no record names it yet
   * (just uploaded, before its record is saved); a photo only out-of-scope records name is not found.
   */
  getBlob(id: string): { mimeType: string; data: Buffer } | null {
    const row = this.db.prepare('SELECT mime_type, data FROM blobs WHERE id = ?').get(id) as { mime_type: string; data: Buffer } | undefined;
    if (!row) return null;
    if (this.scope.reach !== 'all') {
      const scope = this.within('r.form_id', 'r.id');
      const named = this.db.prepare('SELECT 1 FROM records r WHERE instr(r.values_json, ?) > 0 LIMIT 1').get(id);
      const namedInScope = named && this.db.prepare(`SELECT 1 FROM records r WHERE instr(r.values_json, ?) > 0 AND ${scope.sql} LIMIT 1`).get(id, ...scope.params);
      if (named && !namedInScope) return null;
    }
    return { mimeType: row.mime_type, data: row.data };
  }

  private require(id: string): StoredRecord {
    const record = this.get(id);
    if (!record) throw new BalaError('NOT_FOUND');
    return record;
  }

  private refuseDuplicatePin(form: FormDef, values: FormValues, selfId: string | null): void {
    const pin = identityKeys(form, values).find((key) => key.kind === 'pin');
    if (!pin) return;
    const other = this.db
      .prepare("SELECT record_id FROM record_keys WHERE form_id = ? AND kind = 'pin' AND value = ? AND record_id IS NOT ? LIMIT 1")
      .get(form.id, pin.value, selfId) as { record_id: string } | undefined;
    // One record per PIN in the cache, whoever holds it; the other record is named only if within scope.
    if (other) throw new BalaError('DUPLICATE_PIN', this.get(other.record_id) ? { recordId: other.record_id } : {});
  }

  private appendHistory(id: string, revision: number, at: string, by: string, formVersion: number, changes: FieldChange[], reason: string | null): void {
    this.db
      .prepare('INSERT INTO record_history (record_id, revision, at, by, form_version, changes_json, reason) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, revision, at, by, formVersion, JSON.stringify(changes), reason);
  }

  private writeKeys(form: FormDef, id: string, values: FormValues): void {
    const insert = this.db.prepare('INSERT INTO record_keys (record_id, form_id, kind, value) VALUES (?, ?, ?, ?)');
    for (const key of identityKeys(form, values)) insert.run(id, form.id, key.kind, key.value);
  }
}
