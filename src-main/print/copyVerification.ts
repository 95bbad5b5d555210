import type { TFunction } from 'i18next';
import type { CopyVerification } from '../../shared/api/print';
import type { FormValues } from '../../shared/forms/formTypes';
import { findForm, type PackDef } from '../../shared/forms/packTypes';
import { parseVerificationCode, shortHash } from '../../shared/print/verificationCode';
import { RecordStore } from '../records/recordStore';
import type { CacheDatabase } from '../store/cacheDatabase';
import { printedContentHash } from './contentHash';

/** Every revision's values, rebuilt from the append-only history (each entry holds its fields' new values). */
export function revisionValues(store: RecordStore, recordId: string): { revision: number; values: FormValues }[] {
  const values: FormValues = {};
  return store.history(recordId).map((entry) => {
    for (const change of entry.changes) {
      if (change.after === null) delete values[change.field];
      else values[change.field] = change.after;
    }
    return { revision: entry.revision, values: { ...values } };
  });
}

/**
 * Whether a paper copy's code matches a revision kept in this workstation's cache: the current
 * one (the copy is valid), an earlier one (the record changed since: out of date), or none.
 */
export function verifyCopy(db: CacheDatabase, packs: readonly PackDef[], code: string, t: TFunction): CopyVerification {
  const parsed = parseVerificationCode(code);
  const none = { recordId: null, printedRevision: null, matchedRevision: null, currentRevision: null };
  if (!parsed) return { ...none, outcome: 'unreadable', message: t('print.verifyUnreadable') };
  const base = { ...none, recordId: parsed.recordId, printedRevision: parsed.revision };
  const store = new RecordStore(db);
  const record = store.get(parsed.recordId);
  const found = record ? findForm(packs, record.formId) : null;
  if (!record || !found) return { ...base, outcome: 'unknown', message: t('print.verifyUnknown', { id: parsed.recordId }) };
  const matching = revisionValues(store, record.id)
    .filter((revision) => shortHash(printedContentHash(found.form, record.id, revision.values)) === parsed.hash)
    .map((revision) => revision.revision);
  // The named revision first; another with the same printed content (a change undone) counts too.
  const matched = matching.includes(parsed.revision) ? parsed.revision : (matching.at(-1) ?? null);
  const currentMatches = shortHash(printedContentHash(found.form, record.id, record.values)) === parsed.hash;
  const result = { ...base, matchedRevision: matched, currentRevision: record.revision };
  if (currentMatches) return { ...result, outcome: 'current', message: t('print.verifyCurrent', { id: record.id, revision: matched ?? record.revision }) };
  if (matched !== null) {
    return { ...result, outcome: 'superseded', message: t('print.verifySuperseded', { id: record.id, revision: matched, current: record.revision }) };
  }
  return { ...result, outcome: 'mismatch', message: t('print.verifyMismatch', { id: record.id }) };
}
