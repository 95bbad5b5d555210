import crypto from 'node:crypto';
import type { DraftView } from '../../shared/api/records';
import type { FormValues } from '../../shared/forms/formTypes';
import type { CacheDatabase } from '../store/cacheDatabase';

/** A draft as the API shows it: the record being edited (or null for a new one) and its base revision. */
export type Draft = DraftView;

interface DraftRow {
  id: string;
  form_id: string;
  record_id: string | null;
  base_revision: number | null;
  values_json: string;
  updated_at: string;
}

const toDraft = (row: DraftRow): Draft => ({
  id: row.id,
  formId: row.form_id,
  recordId: row.record_id,
  baseRevision: row.base_revision,
  values: JSON.parse(row.values_json) as FormValues,
  updatedAt: row.updated_at,
});

/**
 * Unsaved work, autosaved as the operator types, in the encrypted cache — each operator sees
 * only their own. A draft survives a crash, a lock or a power cut and is removed once saved.
 */
export class DraftStore {
  constructor(
    private readonly db: CacheDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  save(owner: string, draft: { id?: string; formId: string; recordId?: string | null; baseRevision?: number | null; values: FormValues }): Draft {
    const id = draft.id ?? crypto.randomUUID();
    const at = this.now().toISOString();
    this.db
      .prepare(
        `INSERT INTO drafts (id, owner, form_id, record_id, base_revision, values_json, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET values_json = excluded.values_json, updated_at = excluded.updated_at WHERE drafts.owner = excluded.owner`,
      )
      .run(id, owner, draft.formId, draft.recordId ?? null, draft.baseRevision ?? null, JSON.stringify(draft.values), at);
    const saved = this.get(owner, id);
    if (!saved) throw new Error('draft belongs to another operator');
    return saved;
  }

  get(owner: string, id: string): Draft | null {
    const row = this.db.prepare('SELECT * FROM drafts WHERE id = ? AND owner = ?').get(id, owner) as DraftRow | undefined;
    return row ? toDraft(row) : null;
  }

  list(owner: string): Draft[] {
    return (this.db.prepare('SELECT * FROM drafts WHERE owner = ? ORDER BY updated_at DESC').all(owner) as DraftRow[]).map(toDraft);
  }

  discard(owner: string, id: string): void {
    this.db.prepare('DELETE FROM drafts WHERE id = ? AND owner = ?').run(id, owner);
  }
}
