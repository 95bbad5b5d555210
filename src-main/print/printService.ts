import { canView } from '../../shared/forms/access';
import type { FormDef } from '../../shared/forms/formTypes';
import { classifierMap, findForm, type PackDef } from '../../shared/forms/packTypes';
import { formatDate, formatShortDate, formatTime } from '../../shared/i18n/format';
import type { Language } from '../../shared/i18n/languages';
import type { PrintStamp } from '../../shared/api/print';
import { printPlan } from '../../shared/print/printLayout';
import { printedValue } from '../../shared/print/printedValue';
import { formatVerificationCode, qrPrefix, shortHash } from '../../shared/print/verificationCode';
import { BalaError } from '../api/balaError';
import type { ReaderScope } from '../records/readerScope';
import type { StoredRecord } from '../records/recordStore';
import { RecordStore } from '../records/recordStore';
import type { CacheDatabase } from '../store/cacheDatabase';
import { Outbox } from '../sync/outbox';
import { addCard, newPrintDocument } from './cardDocument';
import { cardWords, printTranslator, valueWords } from './cardWords';
import { printedContentHash } from './contentHash';

export interface PrintJob {
  db: CacheDatabase;
  username: string;
  role: string;
  /** Whose records the operator may read (readerScope): a record out of it is NOT_FOUND, as if absent. */
  scope: ReaderScope;
  packs: readonly PackDef[];
  /** The institution printing (the workstation's agency), for the header. */
  agencyName: string;
  language: Language;
  headName: string | null;
  now?: Date;
  /** Called after each card, so a window can show a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

export interface PrintResult {
  pdf: Uint8Array;
  cards: number;
  pages: number;
  stamps: PrintStamp[];
}

/** Delivered: the server confirmed a revision and nothing of this record still waits to be sent. */
function isDelivered(db: CacheDatabase, record: StoredRecord): boolean {
  const unsent = new Outbox(db).unsentSections(record.id);
  return record.serverRevision !== null && unsent !== 'all' && unsent.length === 0;
}

function printable(job: PrintJob, record: StoredRecord): { pack: PackDef; form: FormDef } {
  const found = findForm(job.packs, record.formId);
  if (!found) throw new BalaError('NOT_FOUND');
  const aggregateOnly = found.pack.roles.find((role) => role.id === job.role)?.aggregateOnly === true;
  if (!canView(found.form.access, job.role) || aggregateOnly) throw new BalaError('NOT_PERMITTED');
  return found;
}

// Let the event loop breathe between cards: progress events reach the window, the UI stays live.
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Prints records as stamped paper copies (Pack 1 §20) into one PDF, in the chosen language,
 * and writes one audit entry per card: who printed which revision, when, with which code.
 * The PDF exists only in memory here; the caller decides where it goes.
 */
export async function printRecords(job: PrintJob, recordIds: readonly string[]): Promise<PrintResult> {
  // A PDF without a single card is not a paper copy of anything (a form with no records yet).
  if (recordIds.length === 0) throw new BalaError('NOT_FOUND');
  const store = RecordStore.forReader(job.db, job.scope);
  const records = recordIds.map((id) => {
    const record = store.get(id);
    if (!record) throw new BalaError('NOT_FOUND');
    return { record, ...printable(job, record) };
  });
  const now = job.now ?? new Date();
  const t = printTranslator(job.language);
  const words = cardWords(t);
  const first = records[0];
  const print = await newPrintDocument(first ? first.form.title[job.language] : 'Bala', job.language);
  const stamps: PrintStamp[] = [];
  const audit: { recordId: string; formId: string; revision: number; hash: string; code: string; delivered: boolean }[] = [];
  let pages = 0;
  for (const [index, { record, pack, form }] of records.entries()) {
    const plan = printPlan(form, record.values, { language: job.language, role: job.role, classifiers: classifierMap(pack), words: valueWords(t) });
    const blob = plan.photo ? store.getBlob(plan.photo.blobId) : null;
    const hash = printedContentHash(form, record.id, record.values);
    const code = formatVerificationCode({ recordId: record.id, revision: record.revision, hash: shortHash(hash) });
    const delivered = isDelivered(job.db, record);
    const titleField = form.sections.flatMap((section) => section.fields).find((field) => field.id === form.titleField);
    const subject = titleField ? printedValue(titleField, record.values[titleField.id], job.language, classifierMap(pack), valueWords(t)) : '';
    pages += await addCard(print, {
      heading: { agency: job.agencyName, registry: pack.title[job.language], title: plan.title, subject },
      plan,
      photo: blob ? { mimeType: blob.mimeType, data: blob.data } : null,
      certification: {
        preparedOn: `${formatDate(now, job.language)} (${formatShortDate(now, job.language)})`,
        headName: job.headName,
        code,
        qrText: `${qrPrefix}${code}`,
        details: t('print.details', { id: record.id, revision: record.revision, time: `${formatShortDate(now, job.language)} ${formatTime(now)}`, user: job.username }),
        delivered,
      },
      words,
    });
    stamps.push({ recordId: record.id, revision: record.revision, code, delivered });
    audit.push({ recordId: record.id, formId: form.id, revision: record.revision, hash, code, delivered });
    job.onProgress?.(index + 1, records.length);
    if (records.length > 1) await yieldToLoop();
  }
  const pdf = await print.doc.save();
  const at = now.toISOString();
  const insert = job.db.prepare('INSERT INTO audit_log (at, actor, action, details_json) VALUES (?, ?, ?, ?)');
  job.db.transaction(() => {
    for (const entry of audit) insert.run(at, job.username, 'print.card', JSON.stringify({ ...entry, language: job.language }));
  })();
  return { pdf, cards: records.length, pages, stamps };
}
