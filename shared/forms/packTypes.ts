import type { Classifier, LocalisedName } from './classifier';
import type { FormDef, PinCountry, RoleId } from './formTypes';
import type { WorkCalendar } from './workingDays';
import type { PackReports } from '../reports/reportTypes';
import type { WorkflowDef } from '../workflows/workflowTypes';

/** Something the operators must be warned about, found by the engine in the records. */
export type AlertRule =
  /** A date field is within `daysBefore` days, or past (an accreditation expiring, §8.4). */
  | { kind: 'dateApproaching'; id: string; formId: string; field: string; daysBefore: number; message: LocalisedName }
  /**
   * A stay longer than allowed (§8.3): `months` since `startField`, while `when` holds, and no
   * record of `endedByForm` about it yet (a temporary placement over six months, not discharged).
   */
  | {
      kind: 'stayExceeded';
      id: string;
      formId: string;
      startField: string;
      when?: { field: string; equals: string };
      months: number;
      endedByForm: string;
      message: LocalisedName;
    };

export interface RoleDef {
  id: RoleId;
  names: LocalisedName;
  /** Sees only aggregate figures, never a person's record (Pack 1: local administrations). */
  aggregateOnly?: boolean;
  /**
   * Whose records reach this role's workstation: its own agency's (default), those of agencies
   * within its agency's territory, of its agency's departmental affiliation, or the whole registry's.
   */
  reach?: 'agency' | 'territory' | 'department' | 'all';
}

/**
 * A registry pack: one regulation's forms, reference data, roles and working calendar. The
 * engine takes packs as data and knows none of them by name.
 */
export interface PackDef {
  id: string;
  title: LocalisedName;
  country: PinCountry;
  /** The regulation, for the record and the paper copy. */
  regulation: string;
  roles: readonly RoleDef[];
  forms: readonly FormDef[];
  classifiers: readonly Classifier[];
  calendar: WorkCalendar;
  alerts: readonly AlertRule[];
  /** How long records are kept, in years (Pack 1: 75). */
  retentionYears: number;
  /** Statistical reports and the criteria search (docs/reports.md); a pack may have none. */
  reports?: PackReports;
  /** Case workflows: states, steps with deadlines, transitions and approvals (docs/workflows.md). */
  workflows?: readonly WorkflowDef[];
}

export function classifierMap(pack: PackDef): Record<string, Classifier> {
  return Object.fromEntries(pack.classifiers.map((classifier) => [classifier.id, classifier]));
}

export function findForm(packs: readonly PackDef[], formId: string): { pack: PackDef; form: FormDef } | null {
  for (const pack of packs) {
    const form = pack.forms.find((candidate) => candidate.id === formId);
    if (form) return { pack, form };
  }
  return null;
}
