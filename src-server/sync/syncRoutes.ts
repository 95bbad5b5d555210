import type { z } from 'zod';
import { canView, redactForRole } from '../../shared/forms/access';
import { findForm, type PackDef } from '../../shared/forms/packTypes';
import {
  blobRequestSchema,
  pullRequestSchema,
  pushRequestSchema,
  syncRoutes,
  type ChangeOutcome,
  type PullResult,
  type PulledRecord,
} from '../../shared/sync/syncProtocol';
import { appendAudit } from '../admin/auditLog';
import type { Database } from '../db/sql';
import type { GuardedRoutes } from '../http/guardedRoutes';
import { Refusal } from '../http/refusal';
import { recordColumns, type ServerRecordRow } from './applyChange';
import { applyPush, tallyOutcomes } from './applyBatch';
import { pulledCaseEvents } from './pullCaseEvents';
import { roleReach, scopeCondition } from './readScope';

export interface SyncDeps {
  db: Database;
  packs: readonly PackDef[];
  now: () => Date;
}

/** A batch of changes with their photos: a few megabytes; far more is refused before parsing. */
export const pushBodyLimit = 32 * 1024 * 1024;

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Refusal('INVALID_INPUT', { params: { detail: first ? `${first.path.join('.')}: ${first.message}` : '' } });
  }
  return parsed.data;
}

const tally = tallyOutcomes;

/**
 * Push, pull and photo routes of the sync protocol (docs/sync.md). Each needs an operator's live
 * session of this workstation (x-bala-session): who reads, with which role and reach, and who
 * pushes come from it, never from the body (docs/security.md).
 */
export function registerSyncRoutes(routes: GuardedRoutes, deps: SyncDeps): void {
  routes.postAs(
    syncRoutes.push,
    'write',
    async (workstation, operator, body) => {
      const request = parseBody(pushRequestSchema, body);
      const { outcomes, eventOutcomes } = await applyPush(deps.db, workstation, deps.packs, deps.now(), request.changes, request.caseEvents, operator.username);
      const eventsDelivered = eventOutcomes.filter((outcome) => outcome.outcome !== 'rejected').length;
      const eventsRefused = eventOutcomes.length - eventsDelivered;
      const delivered = tally(outcomes, 'accepted') + tally(outcomes, 'alreadyApplied') + eventsDelivered;
      const refused = tally(outcomes, 'rejected') + eventsRefused;
      await deps.db.transaction(async (tx) => {
        await tx.query(
          `UPDATE workstations SET last_contact_at = $2, pending_count = $3, refusal_count = refusal_count + $4,
             last_refusal = CASE WHEN $4 > 0 THEN $5 ELSE last_refusal END WHERE id = $1`,
          [workstation.id, deps.now(), Math.max(0, request.pendingCount - delivered), refused, firstRefusal(outcomes) ?? eventOutcomes.find((outcome) => outcome.outcome === 'rejected')?.code ?? null],
        );
        const authors = [...new Set([...request.changes.map((change) => change.author), ...request.caseEvents.map((pushed) => pushed.event.by.userId)])].sort();
        await appendAudit(
          tx,
          {
            actor: operator.username,
            action: 'sync.push',
            target: workstation.id,
            details: {
              authors,
              accepted: tally(outcomes, 'accepted'),
              alreadyApplied: tally(outcomes, 'alreadyApplied'),
              conflicts: tally(outcomes, 'conflict'),
              rejected: refused,
              records: [...new Set(request.changes.map((change) => change.recordId))].length,
              ...(request.caseEvents.length > 0 ? { caseEvents: { accepted: eventOutcomes.filter((outcome) => outcome.outcome === 'accepted').length, alreadyApplied: eventsDelivered - eventOutcomes.filter((outcome) => outcome.outcome === 'accepted').length, rejected: eventsRefused } } : {}),
            },
          },
          deps.now(),
        );
      });
      return { outcomes, eventOutcomes };
    },
    { bodyLimit: pushBodyLimit },
  );

  routes.postAs(syncRoutes.pull, 'read', async (workstation, operator, body) => {
    // A body naming an operator (older workstations) changes nothing: zod drops the field.
    const request = parseBody(pullRequestSchema, body);
    const role = operator.role;
    const reach = roleReach(deps.packs, role);
    const scope = scopeCondition(reach, workstation, 3);
    const recordRows = (await deps.db.query<ServerRecordRow>(
      `SELECT ${recordColumns} FROM records WHERE seq > $1 AND ${scope.sql} ORDER BY seq LIMIT $2`,
      [request.cursor, request.limit + 1, ...scope.params],
    )).rows;
    // Records and case events share one sequence, so one cursor pages both (docs/sync.md).
    const events = await pulledCaseEvents(deps.db, deps.packs, reach, role, workstation, request.cursor, request.limit + 1);
    const seqs = [...recordRows.map((row) => row.seq), ...events.map((event) => event.seq)].sort((a, b) => a - b);
    const more = seqs.length > request.limit;
    const last = seqs[Math.min(seqs.length, request.limit) - 1] ?? request.cursor;
    const rows = recordRows.filter((row) => row.seq <= last);
    const page = rows;
    // An event may come before its pupil's latest revision: its subject travels with it (first).
    const inPage = new Set(page.map((row) => row.id));
    const subjectIds = [...new Set(page.map((row) => row.subject_id).filter((id): id is string => id !== null && !inPage.has(id)))];
    const subjectScope = scopeCondition(reach, workstation, 2);
    const subjects = subjectIds.length === 0 ? [] : (await deps.db.query<ServerRecordRow>(
      `SELECT ${recordColumns} FROM records WHERE id = ANY($1::uuid[]) AND ${subjectScope.sql}`,
      [`{${subjectIds.join(',')}}`, ...subjectScope.params],
    )).rows;
    const holders = [...new Set([...subjects, ...page].map((row) => row.agency_id))];
    const agencies = holders.length === 0 ? new Map<string, AgencyFacts>() : new Map(
      (await deps.db.query<AgencyFacts>("SELECT id, name, territory, department FROM agencies WHERE id = ANY(string_to_array($1, ','))", [holders.join(',')])).rows.map((agency) => [agency.id, agency]),
    );
    const records: PulledRecord[] = [];
    for (const row of [...subjects, ...page]) {
      const found = findForm(deps.packs, row.form_id);
      if (!found || !canView(found.form.access, role)) continue;
      records.push({
        id: row.id,
        agency: agencyOf(agencies, row.agency_id),
        formId: row.form_id,
        formVersion: row.form_version,
        subjectId: row.subject_id,
        values: redactForRole(found.form, row.values, role),
        revision: row.revision,
        createdAt: row.created_at.toISOString(),
        createdBy: row.created_by,
        updatedAt: row.updated_at.toISOString(),
        updatedBy: row.updated_by,
      });
    }
    const reader = (await deps.db.query<{ id: string; name: string; territory: string; department: string | null }>('SELECT id, name, territory, department FROM agencies WHERE id = $1', [workstation.agencyId])).rows[0];
    const caseEvents = events.filter((event) => event.seq <= last && event.visible).map(({ recordId, event }) => ({ recordId, event }));
    const result: PullResult = { records, caseEvents, cursor: last, more, ...(reader ? { reader } : {}) };
    await deps.db.transaction(async (tx) => {
      await tx.query('UPDATE workstations SET last_contact_at = $2 WHERE id = $1', [workstation.id, deps.now()]);
      if (records.length > 0 || caseEvents.length > 0) {
        await appendAudit(tx, { actor: operator.username, action: 'sync.pull', target: workstation.id, details: { records: records.length, ...(caseEvents.length > 0 ? { caseEvents: caseEvents.length } : {}), from: request.cursor, to: result.cursor } }, deps.now());
      }
    });
    return result;
  });

  routes.postAs(syncRoutes.blobs, 'read', async (workstation, operator, body) => {
    const request = parseBody(blobRequestSchema, body);
    // Photos as far as the session operator's records reach.
    const reach = roleReach(deps.packs, operator.role);
    const scope = scopeCondition(reach, workstation, 2);
    const { rows } = await deps.db.query<{ id: string; mime_type: string; sha256: string; data_base64: string }>(
      `SELECT id, mime_type, sha256, data_base64 FROM blobs WHERE id = ANY($1::uuid[]) AND ${scope.sql}`,
      [`{${request.ids.join(',')}}`, ...scope.params],
    );
    return { blobs: rows.map((row) => ({ id: row.id, mimeType: row.mime_type, sha256: row.sha256, dataBase64: row.data_base64 })) };
  });
}

interface AgencyFacts {
  id: string;
  name: string;
  territory: string;
  department: string | null;
}

function agencyOf(agencies: Map<string, AgencyFacts>, id: string): NonNullable<PulledRecord['agency']> {
  const agency = agencies.get(id);
  return agency ? { id, name: agency.name, territory: agency.territory, department: agency.department } : { id, name: id };
}

function firstRefusal(outcomes: readonly ChangeOutcome[]): string | null {
  const refusal = outcomes.find((outcome) => outcome.outcome === 'rejected');
  return refusal && refusal.outcome === 'rejected' ? refusal.code : null;
}
