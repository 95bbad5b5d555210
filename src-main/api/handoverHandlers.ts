import fs from 'node:fs';
import { maxSealedBytes } from '../../shared/handover/handoverFormat';
import { exportHandoverPackage } from '../handover/exportPackage';
import { handoverStatus } from '../handover/handoverStatus';
import { importHandoverReceipt } from '../handover/importReceipt';
import { listRemovableDrives } from '../handover/removableDrives';
import { BalaError } from './balaError';
import type { DomainHandlers } from './handlers';

function readReceipt(path: string): Buffer {
  try {
    if (fs.statSync(path).size > maxSealedBytes) throw new BalaError('RECEIPT_UNREADABLE');
    return fs.readFileSync(path);
  } catch (error) {
    if (error instanceof BalaError) throw error;
    throw new BalaError('NOT_FOUND');
  }
}

/** Handover on removable media (docs/handover.md): the dashboard's panel and `bala handover`. */
export const handoverHandlers: DomainHandlers<'handover'> = {
  'handover.status': (_input, ctx) => handoverStatus(ctx.session.work('read').db),
  'handover.drives': () => listRemovableDrives(),
  'handover.export': ({ folder }, ctx) => {
    const { db, username } = ctx.session.work('read');
    const result = exportHandoverPackage(db, ctx.packs, username, folder, new Date(), (progress) => ctx.events.emit('handover.progress', progress));
    ctx.sync.outboxChanged();
    return result;
  },
  'handover.importReceipt': ({ source }, ctx) => {
    const { db, username } = ctx.session.work('read');
    const bytes = source.kind === 'file' ? Buffer.from(source.contentBase64, 'base64') : readReceipt(source.path);
    const result = importHandoverReceipt(db, bytes, username, new Date());
    // The 3-day warning and the counts on the sync panel follow at once.
    ctx.sync.outboxChanged();
    return result;
  },
};
