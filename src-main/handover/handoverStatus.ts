import type { AwaitingPackage, HandoverStatus } from '../../shared/api/handover';
import type { CacheDatabase } from '../store/cacheDatabase';
import { Outbox } from '../sync/outbox';
import { handoverKeys, trustedServerCert } from './handoverKeys';

interface PackageRow {
  sequence: number;
  package_id: string;
  created_at: string;
  file_path: string;
  change_ids_json: string;
  change_count: number;
}

/**
 * What the dashboard shows: changes waiting, packages on a carrier without a receipt (and since
 * when). A package whose every change was delivered since (by sync, or a later package's
 * receipt) awaits nothing any more and is left out.
 */
export function handoverStatus(db: CacheDatabase): HandoverStatus {
  const counts = new Outbox(db).counts();
  const rows = db.prepare('SELECT sequence, package_id, created_at, file_path, change_ids_json, change_count FROM handover_packages WHERE receipt_at IS NULL ORDER BY sequence').all() as PackageRow[];
  const stillThere = db.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending' AND change_id IN (SELECT value FROM json_each(?))");
  const awaiting: AwaitingPackage[] = rows
    .map((row) => ({
      sequence: row.sequence,
      packageId: row.package_id,
      createdAt: row.created_at,
      file: row.file_path,
      changes: row.change_count,
      stillPending: (stillThere.get(row.change_ids_json) as { n: number }).n,
    }))
    .filter((entry) => entry.stillPending > 0);
  const last = db.prepare('SELECT max(receipt_at) AS at FROM handover_packages').get() as { at: string | null };
  return {
    pending: counts.pending,
    oldestPendingAt: counts.oldestAt,
    awaiting,
    lastReceiptAt: last.at,
    canExport: trustedServerCert(handoverKeys(db)) !== null,
  };
}
