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
  | { kind: 'holder' }
  /**
   * A choice field of a repeating group's items (a child's reasons): a record counts once under
   * each distinct value its items hold, so the rows overlap — they do not add up to the total,
   * which counts every record once. A record without items is under "not stated".
   */
  | { kind: 'groupItem'; group: string; field: string; classifier: string }
  /** The state of the record's case in a pack workflow at the period's end, folded from its events; no events: the initial state. */
  | { kind: 'caseState'; workflow: string }
  /**
   * The steps with a deadline of the record's case, each case once per step: the table counts
   * step deadlines (cases × steps), split by `stepOutcome`.
   */
  | { kind: 'caseStep'; workflow: string }
  /** Where a case's step stood at the period's end (shared/workflows stepDeadlines); only as the split of a `caseStep` table. */
  | { kind: 'stepOutcome'; workflow: string; labels: Record<StepOutcome, LocalisedName> }
  /**
   * The items of a repeating group of tasks (a plan's activities), each once, by where it stood at
   * the period's end: carried out (by its result), not carried out with the planned date passed
   * (overdue), or not yet due. Items carried out before the period are left out. The table counts items.
   */
  | {
      kind: 'taskStatus';
      group: string;
      plannedField: string;
      doneField: string;
      resultField: string;
      resultClassifier: string;
      labels: Record<'noResult' | 'overdue' | 'notDue', LocalisedName>;
    };

/** A step deadline at the period's end: done on time, done late, overdue, still open, or not due (the case closed first or the step not reached). */
export type StepOutcome = 'onTime' | 'late' | 'overdue' | 'open' | 'notDue';

/** Dimensions whose values come from the record's items or its case rather than from one field of its facts. */
export type DerivedDimension = Extract<Dimension, { kind: 'groupItem' | 'caseState' | 'caseStep' | 'stepOutcome' | 'taskStatus' }>;
export const isDerived = (dimension: Dimension): dimension is DerivedDimension =>
  dimension.kind === 'groupItem' || dimension.kind === 'caseState' || dimension.kind === 'caseStep' || dimension.kind === 'stepOutcome' || dimension.kind === 'taskStatus';

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
  /** Counted only when `startField` lies within the period (children found in it), not whenever present since. */
  startsWithin?: boolean;
  /** A record of another form about this one ends it (a pupil's leaving), dated by its field. */
  endedBy?: { formId: string; field: string };
  /** The territory field the report's region filter applies to (where a child came from, where an institution is). */
  territoryField?: string;
  /** Records about another (a child's protection plan): the region filter applies to this field of the subject's record instead. */
  subjectTerritory?: { formId: string; field: string };
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
  /** The totals row's label where the rows overlap (a `groupItem` table): what it counts once. */
  totalsLabel?: LocalisedName;
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
