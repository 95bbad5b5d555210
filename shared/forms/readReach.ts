import type { PackDef, RoleDef } from './packTypes';

export type Reach = NonNullable<RoleDef['reach']>;

/** An agency as far as reach is concerned: where it is (territory code) and whose it is (department). */
export interface ReachAgency {
  id: string;
  /** Territory code; the classifiers nest by prefix (region, then district). */
  territory?: string | null | undefined;
  /** Departmental affiliation; unknown (null) matches nothing. */
  department?: string | null | undefined;
}

/** How far a role reads (Pack 1 §5): its agency (the default), its territory, its department, or everything. */
export function roleReach(packs: readonly PackDef[], role: string): Reach {
  for (const pack of packs) {
    const found = pack.roles.find((candidate) => candidate.id === role);
    if (found) return found.reach ?? 'agency';
  }
  return 'agency';
}

/**
 * Whether a record held by `holder` is within the reach of an operator of `reader` (the
 * workstation's agency) — the rule the server applies to a pull (src-server/sync/readScope.ts):
 * the reader's own agency always; `territory`: agencies whose territory code begins with the
 * reader's; `department`: agencies of the reader's (known) department; `all`: every record.
 * Unknown facts refuse: a holder not named (null), a territory or department not known.
 */
export function withinReach(reach: Reach, reader: ReachAgency, holder: ReachAgency | null | undefined): boolean {
  if (reach === 'all') return true;
  if (!holder || !holder.id) return false;
  if (holder.id === reader.id) return true;
  switch (reach) {
    case 'territory':
      return !!reader.territory && typeof holder.territory === 'string' && holder.territory.startsWith(reader.territory);
    case 'department':
      return !!reader.department && holder.department === reader.department;
    case 'agency':
      return false;
  }
}
