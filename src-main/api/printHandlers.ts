import crypto from 'node:crypto';
import { maxCardsPerDocument, type CopyVerification, type PrintedDocument } from '../../shared/api/print';
import type { Language } from '../../shared/i18n/languages';
import { readIdentity } from '../activation/workstationIdentity';
import { verifyCopy } from '../print/copyVerification';
import type { PrintResult } from '../print/printService';
import { parseVerificationCode } from '../../shared/print/verificationCode';
import { readerScope } from '../records/readerScope';
import { readerWork } from './recordHandlers';
import { BalaError } from './balaError';
import type { BackendContext, DomainHandlers } from './handlers';

/** The browser server serves spooled PDFs here: one unguessable id per document, one single-use ticket per opening. */
export const printDocumentPath = (documentId: string, ticket: string) => `/print/${documentId}.pdf?ticket=${ticket}`;

async function run(ctx: BackendContext, recordIds: readonly string[], options: { language?: Language | undefined; headName?: string | undefined; jobId?: string | undefined }): Promise<PrintResult> {
  const { db, username, role } = ctx.session.work('read');
  const scope = readerScope(db, ctx.packs, role);
  const jobId = options.jobId ?? crypto.randomUUID();
  // pdf-lib and the fonts load only when something is printed: every other call starts without them.
  const { printRecords } = await import('../print/printService');
  return printRecords(
    {
      db,
      username,
      role,
      scope,
      packs: ctx.packs,
      agencyName: readIdentity(ctx.dataDir)?.agencyName ?? '',
      language: options.language ?? ctx.language(),
      headName: options.headName ?? null,
      onProgress: (done, total) => ctx.events.emit('print.progress', { jobId, done, total }),
    },
    recordIds,
  );
}

const asDocument = (result: PrintResult): PrintedDocument => ({
  pdfBase64: Buffer.from(result.pdf).toString('base64'),
  cards: result.cards,
  pages: result.pages,
  stamps: result.stamps,
});

export const printHandlers: DomainHandlers<'print'> = {
  'print.card': async ({ recordId, language, headName }, ctx) => asDocument(await run(ctx, [recordId], { language, headName })),
  'print.batch': async ({ recordIds, formId, language, headName, jobId }, ctx) => {
    const ids = recordIds ?? readerWork(ctx, 'read').records.list(formId ?? '', maxCardsPerDocument).map((record) => record.id);
    return asDocument(await run(ctx, ids, { language, headName, jobId }));
  },
  'print.open': async ({ recordIds, language, headName, jobId }, ctx) => {
    const result = await run(ctx, recordIds, { language, headName, jobId });
    const fileName = `bala-${result.stamps[0]?.recordId.slice(0, 8) ?? 'print'}${result.cards > 1 ? `-${result.cards}` : ''}.pdf`;
    const documentId = ctx.printSpool.put(result.pdf, fileName);
    const opened = { documentId, cards: result.cards, pages: result.pages, stamps: result.stamps };
    if (ctx.showPrintPreview) {
      ctx.showPrintPreview(documentId, fileName);
      return { ...opened, url: null };
    }
    return { ...opened, url: printDocumentPath(documentId, ctx.printSpool.ticket(documentId) ?? '') };
  },
  'print.link': ({ documentId }, ctx) => {
    // Only the operator who is signed in now reaches this (the spool is emptied on sign-out and lock).
    ctx.session.work('read');
    const ticket = ctx.printSpool.ticket(documentId);
    if (ticket === null) throw new BalaError('NOT_FOUND');
    return { url: printDocumentPath(documentId, ticket) };
  },
  'print.verify': ({ code }, ctx) => {
    const { db, username, records } = readerWork(ctx, 'read');
    // A copy of a record out of the operator's reach is verified as one this cache does not hold.
    const parsed = parseVerificationCode(code);
    const answer: CopyVerification =
      parsed && !records.get(parsed.recordId)
        ? { recordId: parsed.recordId, printedRevision: parsed.revision, matchedRevision: null, currentRevision: null, outcome: 'unknown', message: ctx.t()('print.verifyUnknown', { id: parsed.recordId }) }
        : verifyCopy(db, ctx.packs, code, ctx.t());
    db.prepare('INSERT INTO audit_log (at, actor, action, details_json) VALUES (?, ?, ?, ?)').run(
      new Date().toISOString(),
      username,
      'print.verify',
      JSON.stringify({ recordId: answer.recordId, printedRevision: answer.printedRevision, outcome: answer.outcome }),
    );
    return answer;
  },
};
