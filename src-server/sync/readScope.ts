import type { PackDef, RoleDef } from '../../shared/forms/packTypes';
import type { SqlParam } from '../db/sql';
import type { KnownWorkstation } from '../http/workstationGuard';

export type Reach = NonNullable<RoleDef['reach']>;

/** How far a role reads (Pack 1 §5): its agency, its territory, its department, or everything. */
export function roleReach(packs: readonly PackDef[], role: string): Reach {
  for (const pack of packs) {
    const found = pack.roles.find((candidate) => candidate.id === role);
    if (found) return found.reach ?? 'agency';
  }
  return 'agency';
}

/**
 * A condition on `agency_id` naming the agencies a workstation's operator may read, with its
 * parameter numbered from `$n`. Territory: agencies whose territory code begins with the reader
 * agency's (the classifiers nest by prefix: region, then district); department: agencies of the
 * reader agency's departmental affiliation. The reader's own agency is always within reach.
 */
export function scopeCondition(reach: Reach, workstation: KnownWorkstation, n: number): { sql: string; params: SqlParam[] } {
  const mine = `(SELECT territory, department FROM agencies WHERE id = $${n})`;
  switch (reach) {
    case 'all':
      return { sql: 'TRUE', params: [] };
    case 'territory':
      return {
        sql: `(agency_id = $${n} OR agency_id IN (SELECT a.id FROM agencies a, ${mine} m WHERE left(a.territory, length(m.territory)) = m.territory))`,
        params: [workstation.agencyId],
      };
    case 'department':
      return {
        sql: `(agency_id = $${n} OR agency_id IN (SELECT a.id FROM agencies a, ${mine} m WHERE m.department IS NOT NULL AND a.department = m.department))`,
        params: [workstation.agencyId],
      };
    case 'agency':
      return { sql: `agency_id = $${n}`, params: [workstation.agencyId] };
  }
}
