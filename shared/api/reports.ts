import { z } from 'zod';

export interface ReportSummary {
  id: string;
  packId: string;
  title: string;
  /** Whether it lists persons (then never anonymised, and only for roles that see records). */
  personal: boolean;
  tables: { id: string; title: string; chart: boolean }[];
}

export interface ReportColumn {
  id: string;
  label: string;
  /** A count per split value, their total, or a further measure. */
  kind: 'split' | 'total' | 'measure';
}

/** A count is null where anonymised mode suppressed it. */
export type ReportCount = number | null;

export interface ReportTableView {
  id: string;
  title: string;
  rowsLabel: string;
  chart: boolean;
  columns: ReportColumn[];
  rows: { code: string; label: string; cells: ReportCount[] }[];
  totals: ReportCount[];
  /** How many cells were hidden (small counts and the complements protecting them). */
  suppressedCells: number;
  /** The rows overlap (a child with two reasons is in both): the totals count each record once, not the rows' sum. */
  rowsOverlap?: boolean;
  /** The totals row's own label where the rows overlap (what it counts once). */
  totalsLabel?: string;
}

export interface ReportRunView {
  reportId: string;
  title: string;
  legalReference: string;
  from: string;
  to: string;
  /** The region filter's name, or null for the whole scope. */
  region: string | null;
  anonymised: boolean;
  suppressBelow: number;
  generatedAt: string;
  generatedBy: string;
  tables: ReportTableView[];
}

export interface CriteriaSearchView {
  count: number;
  /** The matching records' names; null for a role that may see only totals. */
  names: { id: string; formId: string; title: string }[] | null;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'invalid_date');
const id = z.string().min(1).max(120);

const runInput = z
  .object({
    reportId: id,
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** A territory code (a region or city); the report counts only what lies within it. */
    region: z.string().min(1).max(40).optional(),
    anonymised: z.boolean().default(false),
  })
  .strict()
  .refine((input) => !input.from || !input.to || input.from <= input.to, { message: 'from_after_to', path: ['from'] });

export const reportInputs = {
  run: runInput,
  export: runInput,
  criteriaSearch: z
    .object({
      packId: id,
      criteria: z.array(z.object({ field: z.string().min(1).max(80), value: z.union([z.string().min(1).max(80), z.boolean()]) }).strict()).max(20),
      limit: z.number().int().min(1).max(1000).default(200),
    })
    .strict(),
};

export interface ReportFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}
