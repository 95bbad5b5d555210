import { z } from 'zod';
import { languages } from '../i18n/languages';

/** What one printed card certifies: the record, its revision, the code and whether the server had it. */
export interface PrintStamp {
  recordId: string;
  revision: number;
  code: string;
  /** That revision had reached the central server when printed. */
  delivered: boolean;
}

export interface PrintedDocument {
  /** The PDF itself (the CLI writes it where the operator said; nothing else touches the disk). */
  pdfBase64: string;
  cards: number;
  pages: number;
  stamps: PrintStamp[];
}

/** A document held in memory for the browser's viewer or Electron's preview window. */
export interface OpenedDocument {
  documentId: string;
  /**
   * Where the page opens it in browser mode — once: the address carries a single-use ticket
   * (print.link answers another); null when the desktop shell opened its own preview.
   */
  url: string | null;
  cards: number;
  pages: number;
  stamps: PrintStamp[];
}

export type VerifyOutcome = 'current' | 'superseded' | 'mismatch' | 'unknown' | 'unreadable';

/** The answer to "does this paper copy match the registry?". */
export interface CopyVerification {
  outcome: VerifyOutcome;
  recordId: string | null;
  /** The revision the code names. */
  printedRevision: number | null;
  /** The stored revision whose content the code's hash matches (null: none does). */
  matchedRevision: number | null;
  currentRevision: number | null;
  /** The answer in words, in the operator's language. */
  message: string;
}

/** Progress of a print job, for the window's progress bar. */
export interface PrintProgress {
  jobId: string;
  done: number;
  total: number;
}

const id = z.string().min(1).max(64);
const language = z.enum(languages).optional();
const headName = z.string().trim().min(1).max(200).optional();
/** One PDF holds at most this many cards: a batch of a whole institution, not of the registry. */
export const maxCardsPerDocument = 1000;

export const printInputs = {
  card: z.object({ recordId: id, language, headName }).strict(),
  batch: z
    .object({
      recordIds: z.array(id).min(1).max(maxCardsPerDocument).optional(),
      formId: z.string().min(1).max(80).optional(),
      language,
      headName,
      jobId: z.string().min(1).max(64).optional(),
    })
    .strict()
    .refine((input) => (input.recordIds === undefined) !== (input.formId === undefined), { message: 'recordIds or formId', path: ['recordIds'] }),
  open: z.object({ recordIds: z.array(id).min(1).max(maxCardsPerDocument), language, headName, jobId: z.string().min(1).max(64).optional() }).strict(),
  verify: z.object({ code: z.string().min(1).max(200) }).strict(),
  link: z.object({ documentId: z.string().regex(/^[0-9a-f]{32}$/) }).strict(),
};

/** A fresh address of a document held for the browser's viewer: it opens once, within a minute. */
export interface DocumentLink {
  url: string;
}
