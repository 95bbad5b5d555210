import type { PackDef } from '../../shared/forms/packTypes';
import { roleReach, withinReach, type Reach, type ReachAgency } from '../../shared/forms/readReach';
import type { CacheDatabase } from '../store/cacheDatabase';

/**
 * Whose records one operator may read in this cache (docs/security.md, "Scope per operator on
 * the workstation"): every record (reach 'all'), or those whose holder — `record_facts.holder`,
 * the agency the server named, this workstation's own for what it saved — is one of `holders`.
 * One cache serves every operator of a workstation, so each read filters by the reader's reach.
 */
export type ReaderScope = { reach: 'all' } | { reach: Exclude<Reach, 'all'>; holders: readonly string[] };

/** The workstation's own agency: its profile's (id, territory), with the department the server named, if any. */
export function ownAgency(db: CacheDatabase): ReachAgency | null {
  const row = db.prepare('SELECT agency_json FROM workstation LIMIT 1').get() as { agency_json: string } | undefined;
  if (!row) return null;
  const agency = JSON.parse(row.agency_json) as { id?: unknown; territory?: unknown; department?: unknown };
  if (typeof agency.id !== 'string' || agency.id === '') return null;
  const known = db.prepare('SELECT territory, department FROM agencies WHERE id = ?').get(agency.id) as { territory: string | null; department: string | null } | undefined;
  return {
    id: agency.id,
    territory: typeof agency.territory === 'string' && agency.territory !== '' ? agency.territory : (known?.territory ?? null),
    department: typeof agency.department === 'string' && agency.department !== '' ? agency.department : (known?.department ?? null),
  };
}

/** The scope of an operator of `role` on this workstation, by the rule the server applies to a pull. */
export function readerScope(db: CacheDatabase, packs: readonly PackDef[], role: string): ReaderScope {
  const reach = roleReach(packs, role);
  if (reach === 'all') return { reach };
  const own = ownAgency(db);
  // A cache without a workstation row (never activated) shows nothing held by anyone.
  if (!own) return { reach, holders: [] };
  const agencies = db.prepare('SELECT id, territory, department FROM agencies').all() as { id: string; territory: string | null; department: string | null }[];
  const holders = new Set([own.id, ...agencies.filter((agency) => withinReach(reach, own, agency)).map((agency) => agency.id)]);
  return { reach, holders: [...holders] };
}

/**
 * An SQL condition true when the record `formColumn`/`idColumn` name is within `scope` (by the
 * key of its facts row), with its one parameter (a JSON array of holder ids) or none.
 */
export function scopeCondition(scope: ReaderScope, formColumn: string, idColumn: string): { sql: string; params: string[] } {
  if (scope.reach === 'all') return { sql: '1', params: [] };
  return {
    sql: `EXISTS (SELECT 1 FROM record_facts rf WHERE rf.form_id = ${formColumn} AND rf.record_id = ${idColumn} AND rf.holder IN (SELECT value FROM json_each(?)))`,
    params: [JSON.stringify(scope.holders)],
  };
}

/** Every record: the store's own work (sync, handover, consistency checks), never an operator's read. */
export const wholeCache: ReaderScope = { reach: 'all' };
