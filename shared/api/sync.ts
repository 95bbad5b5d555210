import { z } from 'zod';
import type { FormValues } from '../forms/formTypes';

/** What the operator sees of sync: the status bar, the dashboard's 3-day warning, progress. */
export interface SyncStatus {
  /** idle: nothing running (see lastSuccessAt); syncing; offline: the server cannot be reached; refused: the server said no (see problem). */
  state: 'idle' | 'syncing' | 'offline' | 'refused' | 'signedOut';
  pending: number;
  conflicts: number;
  rejected: number;
  /** When the oldest change not yet delivered was saved. */
  oldestPendingAt: string | null;
  /** Pack 3 §3.5: a change not delivered within 3 days; deliver it, or hand it over on removable media. */
  overdue: boolean;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  /** During a long transfer: changes sent or records received of those known. */
  progress: { phase: 'push' | 'pull'; done: number; total: number } | null;
  /** The last failure in plain words (translated), with its code. */
  problem: { code: string; message: string } | null;
}

/** A change the server did not accept: a conflict to resolve or a rejection to correct. */
export interface SyncIssueView {
  changeId: string;
  recordId: string;
  formId: string;
  title: string;
  kind: 'conflict' | 'rejected';
  savedAt: string;
  savedBy: string;
  /** Conflicts: per section, this workstation's values and the server's. */
  sections: { sectionId: string; mine: FormValues; theirs: FormValues }[];
  theirsBy: string | null;
  theirsAt: string | null;
  /** Rejections: the reason and the fields concerned, translated. */
  reason: string | null;
  problems: { field: string; message: string }[];
}

const id = z.string().uuid();

export const syncInputs = {
  resolve: z
    .object({
      changeId: id,
      /** For each conflicting section: keep this workstation's values, or take the server's. */
      choices: z.record(z.string().max(80), z.enum(['mine', 'theirs'])),
    })
    .strict(),
};
