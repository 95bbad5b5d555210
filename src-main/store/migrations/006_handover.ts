/**
 * Handover on removable media (docs/handover.md): the server's certificate (packages are
 * encrypted to it; receipts are signed with its key), and every package this workstation wrote
 * — which changes it carried, where and when — until its receipt comes back. A profile issued
 * before handover carries no server certificate: the column stays NULL and export says so.
 */
export const migration006 = `
ALTER TABLE workstation ADD COLUMN server_cert_pem TEXT;
CREATE TABLE handover_packages (
  sequence INTEGER PRIMARY KEY,
  package_id TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  file_path TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  change_ids_json TEXT NOT NULL,
  change_count INTEGER NOT NULL,
  receipt_at TEXT,
  receipt_json TEXT
);
CREATE INDEX handover_packages_awaiting ON handover_packages (receipt_at, sequence);
`;
