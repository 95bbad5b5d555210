import type { Migration } from './migration';

/**
 * Handover packages imported from removable media (Pack 3 §3.5, docs/handover.md): one row per
 * package, so a second import of the same file is recognised, and each workstation's export
 * numbers show a gap. The changes themselves land in records / record_revisions like a push.
 */
export const handoverSchema: Migration = {
  version: 3,
  name: 'handover',
  statements: [
    `CREATE TABLE handover_imports (
       package_id uuid PRIMARY KEY,
       workstation_id text NOT NULL REFERENCES workstations (id),
       sequence integer NOT NULL CHECK (sequence >= 1),
       created_at timestamptz NOT NULL,
       imported_at timestamptz NOT NULL,
       imported_by text NOT NULL,
       changes integer NOT NULL,
       accepted integer NOT NULL,
       already_applied integer NOT NULL,
       conflicts integer NOT NULL,
       rejected integer NOT NULL,
       gap_expected integer
     )`,
    // Not unique: a workstation restored from a backup may number a new package as an old one.
    `CREATE INDEX handover_imports_by_workstation ON handover_imports (workstation_id, sequence)`,
  ],
};
