import { z } from 'zod';
import type { DeadlineStatus } from '../forms/deadlines';
import type { FieldValue, FormValues, PhotoValue } from '../forms/formTypes';

export type { FormValues, PhotoValue };

/** A record as the operator's role may see it. */
export interface RecordView {
  id: string;
  formId: string;
  formVersion: number;
  values: FormValues;
  revision: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  subjectId: string | null;
  /** The latest revision the central server confirmed (null: never delivered yet). */
  serverRevision: number | null;
  /** Whether it was entered within the regulation's deadline, where the form has one. */
  deadline: DeadlineStatus | null;
}

export interface RecordSummary {
  id: string;
  formId: string;
  /** The form's title field, as text (a name), or '' when the form has none. */
  title: string;
  revision: number;
  updatedAt: string;
  deadline: DeadlineStatus | null;
}

export interface HistoryView {
  revision: number;
  at: string;
  by: string;
  formVersion: number;
  changes: { field: string; before: FieldValue | null; after: FieldValue | null }[];
  reason: string | null;
}

export interface DuplicateCandidate {
  recordId: string;
  title: string;
  birthDate: string | null;
  samePin: boolean;
  similarName: boolean;
}

/** A warning the operator must see (an accreditation expiring, a stay past its term). */
export interface AlertView {
  ruleId: string;
  formId: string;
  recordId: string;
  title: string;
  /** The date the warning is about (expiry, end of the allowed stay). */
  date: string;
  message: string;
}

export interface DraftView {
  id: string;
  formId: string;
  recordId: string | null;
  baseRevision: number | null;
  values: FormValues;
  updatedAt: string;
}

const id = z.string().min(1).max(64);
const formId = z.string().min(1).max(80);
/** Field values are checked by the form's own validator; here only their outer shape and size. */
export const valuesSchema = z.record(z.string().max(80), z.unknown()).refine((values) => JSON.stringify(values).length <= 256_000, 'too_big_record');
const reason = z.string().trim().min(1).max(500);

export const recordInputs = {
  list: z.object({ formId, subjectId: id.optional(), limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) }).strict(),
  get: z.object({ id }).strict(),
  search: z.object({ formId, query: z.string().max(200), limit: z.number().int().min(1).max(200).default(50) }).strict(),
  checkDuplicates: z.object({ formId, values: valuesSchema, excludeId: id.optional() }).strict(),
  create: z.object({ formId, values: valuesSchema, newDespiteDuplicates: reason.optional(), subjectId: id.optional() }).strict(),
  update: z.object({ id, baseRevision: z.number().int().min(1), values: valuesSchema, reason: reason.optional() }).strict(),
  history: z.object({ id }).strict(),
  draftSave: z
    .object({ id: id.optional(), formId, recordId: id.nullable().optional(), baseRevision: z.number().int().min(1).nullable().optional(), values: valuesSchema })
    .strict(),
  draftDiscard: z.object({ id }).strict(),
  photoPut: z.object({ mimeType: z.enum(['image/jpeg', 'image/png']), contentBase64: z.string().min(4).max(2_800_000) }).strict(),
  photoGet: z.object({ blobId: id }).strict(),
};
