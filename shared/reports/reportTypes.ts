import type { LocalisedName } from '../forms/classifier';

/*
 * Statistical reports as data (Pack 1 §21–22, Pack 3 §1.9, §4.3). A pack declares who is
 * counted (populations), how (dimensions and measures) and which lists it may print; the
 * engine in src-main/reports computes them in SQL over the cache and knows no report by name.
 */

/** A band of a number worked out at the period's end (age in years, stay in months): below `below`, or open-ended. */
export interface Band {
  below: number | null;
  label: LocalisedName;
}

/** What the rows of a table (or its split into columns) are grouped by. */
export type Dimension =
  /** The stored code of a choice or territory field, named from its classifier. */
  | { kind: 'code'; field: string; classifier: string }
  /** A territory field rolled up to its region (a district's parent; a city of republican significance stays itself). */
  | { kind: 'region'; field: string; classifier: string }
  | { kind: 'yesNo'; field: string }
  /** Whole years from a date field to the period's end (age from the birth date). */
  | { kind: 'yearsSince'; field: string; bands: readonly Band[] }
  /** Whole months from a date field to the period's end or the record's end, whichever is first (length of stay). */
  | { kind: 'monthsSince'; field: string; bands: readonly Band[] }
  /** A validity date against the period's end: none, valid, expiring within `warnDays`, expired (accreditation). */
  | { kind: 'dateStatus'; field: string; warnDays: number; labels: Record<'none' | 'valid' | 'expiring' | 'expired', LocalisedName> }
  /** The agency whose workstation holds the record (the institution a pupil lives in). */
  | { kind: 'holder' };

export type Measure =
  | { id: string; kind: 'count'; label: LocalisedName }
  /** How many of the row have a field equal to a value (children with a disability). */
  | { id: string; kind: 'countWhere'; field: string; equals: string | boolean; label: LocalisedName }
  /** A sum of a number field (planned capacity): not a count of persons, never suppressed. */
  | { id: string; kind: 'sum'; field: string; label: LocalisedName };

/** Who a report counts: the records of one form, present at some time within the period. */
export interface Population {
  id: string;
  formId: string;
  /** Persons: counts are suppressed in anonymised mode, lists of them are personal. */
  personal: boolean;
  /** The date the record starts counting (admission); absent: counted whenever it exists. */
  startField?: string;
  /** A record of another form about this one ends it (a pupil's leaving), dated by its field. */
  endedBy?: { formId: string; field: string };
  /** The territory field the report's region filter applies to (where a child came from, where an institution is). */
  territoryField?: string;
}

export interface ReportTableDef {
  id: string;
  title: LocalisedName;
  population: string;
  rows: Dimension;
  rowsLabel: LocalisedName;
  /** Counts split into a column per value (by sex), followed by their total. */
  split?: Dimension;
  /** Further columns after the counts (with a disability, planned capacity). */
  measures: readonly Measure[];
  /** The table drawn as bars in the window. */
  chart?: boolean;
}

/** A column of a list: a field of the population's form (headed by the field's own label), or the record's holder. */
export type ListColumn = { field: string } | { holder: true; label: LocalisedName };

export interface ReportListDef {
  id: string;
  title: LocalisedName;
  population: string;
  columns: readonly ListColumn[];
}

export interface ReportDef {
  id: string;
  title: LocalisedName;
  /** The clause the report answers, printed on the cover sheet. */
  legalReference: LocalisedName;
  populations: readonly Population[];
  tables: readonly ReportTableDef[];
  lists: readonly ReportListDef[];
}

/** A criterion of the criteria search (Pack 3 §1.9): a field the operator picks a value of. */
export interface CriterionDef {
  field: string;
  /** A territory field may be matched at region level (every district of the region). */
  byRegion?: boolean;
}

export interface CriteriaSearchDef {
  population: Population;
  criteria: readonly CriterionDef[];
}

/** A pack's reports: its statistical reports and its criteria search. */
export interface PackReports {
  reports: readonly ReportDef[];
  criteriaSearch?: CriteriaSearchDef;
  /** Counts below this are suppressed in anonymised mode (Pack 1 §22, Pack 3 §4.3). */
  suppressBelow: number;
}
