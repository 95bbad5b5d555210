import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { packagePayloadSchema, splitSealed } from '../../../shared/handover/handoverFormat';
import { registryPacks } from '../../../shared/packs';
import { BalaError } from '../../../src-main/api/balaError';
import { exportHandoverPackage } from '../../../src-main/handover/exportPackage';
import { handoverKeys } from '../../../src-main/handover/handoverKeys';
import { handoverStatus } from '../../../src-main/handover/handoverStatus';
import { importHandoverReceipt } from '../../../src-main/handover/importReceipt';
import { certFingerprint, openPayload, signatureValid } from '../../../src-server/handover/sealedFile';
import { tempDir } from '../../support/tempDir';
import { handoverPki, handoverWorkstation, type HandoverPki, type HandoverWorkstation } from './handoverWorkstation';

/*
 * Issue 22: writing a handover package (src-main/handover/exportPackage.ts) and the dashboard's
 * view of what waits (handoverStatus.ts), read back with the central server's own code.
 */

let pki: HandoverPki;
let foreign: HandoverPki;
beforeAll(() => {
  pki = handoverPki();
  foreign = handoverPki();
});
const open: HandoverWorkstation[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
  cleanups.splice(0).forEach((cleanup) => cleanup());
});

const now = new Date('2026-12-02T10:30:00.000Z');

function setUp(id?: string) {
  const ws = handoverWorkstation(pki, id);
  open.push(ws);
  const usb = tempDir('bala-usb-mut-');
  cleanups.push(usb.cleanup);
  return { ws, usb: usb.dir };
}
const refusal = (work: () => unknown): string => {
  try {
    work();
  } catch (error) {
    if (error instanceof BalaError) return error.code;
    throw error;
  }
  return 'written';
};
const pendingIds = (ws: HandoverWorkstation) => (ws.db.prepare("SELECT change_id FROM outbox WHERE state = 'pending' ORDER BY seq").all() as { change_id: string }[]).map((row) => row.change_id);

describe('writing a handover package', () => {
  it('writes every pending change, sealed for the central server and signed by this workstation, and keeps it until its receipt', () => {
    const { ws, usb } = setUp('ws-naryn-7');
    const records = ws.createPupils(300, 3);
    const changeIds = pendingIds(ws);
    const progress: string[] = [];
    const result = exportHandoverPackage(ws.db, registryPacks, 'op', usb, now, (step) => progress.push(step.phase));
    expect(result).toEqual({ packageId: expect.any(String) as unknown, sequence: 1, file: path.join(usb, 'bala-ws-naryn-7-0001.balahandover'), bytes: fs.statSync(result.file).size, changes: 3, createdAt: now.toISOString() });
    expect(progress).toEqual(['write', 'verify']);

    // The server reads it: its header, its signature, and the changes inside with its key.
    const split = splitSealed(fs.readFileSync(result.file), 'bala-handover');
    if (typeof split === 'string') throw new Error(split);
    expect(split.header).toMatchObject({ format: 'bala-handover', version: 1, packageId: result.packageId, workstationId: 'ws-naryn-7', sequence: 1, createdAt: now.toISOString(), counts: { changes: 3, records: 3, photos: 0 } });
    expect(split.header.recipientFingerprint).toBe(certFingerprint(pki.server.certPem));
    expect(split.header.signerCertPem).toBe(pki.client.certPem);
    expect(signatureValid(split)).toBe(true);
    const payload = packagePayloadSchema.parse(openPayload(split, pki.server.keyPem));
    expect({ ...payload, changes: payload.changes.map((change) => [change.changeId, change.recordId, change.baseRevision]) }).toEqual({
      packageId: result.packageId,
      workstationId: 'ws-naryn-7',
      pendingCount: 3,
      changes: records.map((recordId, i) => [changeIds[i], recordId, 0]),
    });

    // Kept until the receipt: the changes stay pending (a sync may still deliver them).
    expect(pendingIds(ws)).toEqual(changeIds);
    const kept = ws.db.prepare('SELECT sequence, package_id, created_at, created_by, file_path, bytes, change_ids_json, change_count, receipt_at FROM handover_packages').all();
    expect(kept).toEqual([{ sequence: 1, package_id: result.packageId, created_at: now.toISOString(), created_by: 'op', file_path: result.file, bytes: result.bytes, change_ids_json: JSON.stringify(changeIds), change_count: 3, receipt_at: null }]);
    const audit = ws.db.prepare("SELECT at, actor, details_json FROM audit_log WHERE action = 'handover.export'").get() as { at: string; actor: string; details_json: string };
    expect({ ...audit, details_json: JSON.parse(audit.details_json) as unknown }).toEqual({
      at: now.toISOString(),
      actor: 'op',
      details_json: { packageId: result.packageId, sequence: 1, changes: 3, records: 3, photos: 0, bytes: result.bytes, file: 'bala-ws-naryn-7-0001.balahandover' },
    });
  });

  it('counts the photos it carries, and counts as pending a change of a form this workstation no longer has, without carrying it', () => {
    const { ws, usb } = setUp();
    ws.createPupilWithPhoto(360);
    ws.createPupilWithPhoto(361);
    ws.createPupils(362, 1);
    const [retired] = ws.createPupils(363, 1);
    ws.db.prepare("UPDATE outbox SET form_id = 'retired.form' WHERE record_id = ?").run(retired);
    const pkg = exportHandoverPackage(ws.db, registryPacks, 'op', usb, now, () => undefined);
    expect(pkg.changes).toBe(3);
    const split = splitSealed(fs.readFileSync(pkg.file), 'bala-handover');
    if (typeof split === 'string') throw new Error(split);
    expect(split.header.counts).toEqual({ changes: 3, records: 3, photos: 2 });
    const payload = packagePayloadSchema.parse(openPayload(split, pki.server.keyPem));
    expect([payload.pendingCount, payload.changes.map((change) => change.blobs.length)]).toEqual([4, [1, 1, 0]]);
  });

  it('numbers the packages 1, 2, 3… and never writes over a file already on the drive', () => {
    const { ws, usb } = setUp('ws-osh-2');
    ws.createPupils(310, 1);
    fs.writeFileSync(path.join(usb, 'bala-ws-osh-2-0001.balahandover'), 'an older package, kept');
    const first = exportHandoverPackage(ws.db, registryPacks, 'op', usb, now, () => undefined);
    expect(path.basename(first.file)).toBe('bala-ws-osh-2-0001-2.balahandover');
    expect(fs.readFileSync(path.join(usb, 'bala-ws-osh-2-0001.balahandover'), 'utf8')).toBe('an older package, kept');
    fs.writeFileSync(path.join(usb, 'bala-ws-osh-2-0002-2.balahandover'), 'x');
    fs.writeFileSync(path.join(usb, 'bala-ws-osh-2-0002.balahandover'), 'x');
    const second = exportHandoverPackage(ws.db, registryPacks, 'op', usb, now, () => undefined);
    expect([second.sequence, path.basename(second.file)]).toEqual([2, 'bala-ws-osh-2-0002-3.balahandover']);
    // The second carries the same pending change again: no receipt has come back for the first.
    expect(second.changes).toBe(1);
    const sequences = ws.db.prepare('SELECT sequence FROM handover_packages ORDER BY sequence').all();
    expect(sequences).toEqual([{ sequence: 1 }, { sequence: 2 }]);
  });

  it('refuses with HANDOVER_NOTHING_PENDING when no change waits, or only changes of forms this workstation no longer has', () => {
    const { ws, usb } = setUp();
    expect(refusal(() => exportHandoverPackage(ws.db, registryPacks, 'op', usb, now, () => undefined))).toBe('HANDOVER_NOTHING_PENDING');
    ws.createPupils(320, 1);
    expect(refusal(() => exportHandoverPackage(ws.db, [], 'op', usb, now, () => undefined))).toBe('HANDOVER_NOTHING_PENDING');
    expect(fs.readdirSync(usb)).toEqual([]);
    expect(ws.db.prepare('SELECT count(*) AS n FROM handover_packages').get()).toEqual({ n: 0 });
  });

  it('refuses with HANDOVER_NO_SERVER_KEY without the server’s certificate, with one another CA issued, or one it cannot read', () => {
    const { ws, usb } = setUp();
    ws.createPupils(330, 1);
    for (const serverCert of [null, '', foreign.server.certPem, 'not a certificate']) {
      ws.db.prepare('UPDATE workstation SET server_cert_pem = ?').run(serverCert);
      expect(refusal(() => exportHandoverPackage(ws.db, registryPacks, 'op', usb, now, () => undefined))).toBe('HANDOVER_NO_SERVER_KEY');
      expect(handoverStatus(ws.db).canExport).toBe(false);
    }
    ws.db.prepare("UPDATE workstation SET server_cert_pem = ?, ca_cert_pem = 'not a certificate'").run(pki.server.certPem);
    expect(refusal(() => exportHandoverPackage(ws.db, registryPacks, 'op', usb, now, () => undefined))).toBe('HANDOVER_NO_SERVER_KEY');
    expect(fs.readdirSync(usb)).toEqual([]);
    expect(ws.db.prepare('SELECT count(*) AS n FROM handover_packages').get()).toEqual({ n: 0 });
  });

  it('reads the keys of the connection profile, and fails plainly on a cache that was never activated', () => {
    const { ws } = setUp('ws-talas-3');
    expect(handoverKeys(ws.db)).toEqual({ workstationId: 'ws-talas-3', clientKeyPem: pki.client.keyPem, clientCertPem: pki.client.certPem, caCertPem: pki.caCertPem, serverCertPem: pki.server.certPem });
    ws.db.prepare('DELETE FROM workstation').run();
    expect(() => handoverKeys(ws.db)).toThrow('cache has no workstation row');
  });
});

describe('the dashboard’s handover panel', () => {
  it('shows what waits, the packages on a carrier still waiting for a receipt, and the last receipt', () => {
    const { ws, usb } = setUp();
    expect(handoverStatus(ws.db)).toEqual({ pending: 0, oldestPendingAt: null, awaiting: [], lastReceiptAt: null, canExport: true });
    ws.createPupils(340, 2);
    const first = exportHandoverPackage(ws.db, registryPacks, 'op', usb, now, () => undefined);
    ws.createPupils(342, 1);
    const second = exportHandoverPackage(ws.db, registryPacks, 'op', usb, new Date('2026-12-02T11:00:00.000Z'), () => undefined);
    const [a, b, c] = pendingIds(ws) as [string, string, string];
    expect(handoverStatus(ws.db)).toEqual({
      pending: 3,
      oldestPendingAt: '2026-11-20T09:00:00.000Z',
      awaiting: [
        { sequence: 1, packageId: first.packageId, createdAt: now.toISOString(), file: first.file, changes: 2, stillPending: 2 },
        { sequence: 2, packageId: second.packageId, createdAt: '2026-12-02T11:00:00.000Z', file: second.file, changes: 3, stillPending: 3 },
      ],
      lastReceiptAt: null,
      canExport: true,
    });

    // The second package's receipt delivers all three: the first awaits nothing any more.
    const receipt = ws.receipt({ packageId: second.packageId, outcomes: [a, b, c].map((changeId) => ({ changeId, outcome: 'accepted' as const, revision: 1, merged: false })) }, { sequence: 2 });
    importHandoverReceipt(ws.db, receipt, 'op', new Date('2026-12-03T08:00:00.000Z'));
    expect(handoverStatus(ws.db)).toEqual({ pending: 0, oldestPendingAt: null, awaiting: [], lastReceiptAt: '2026-12-03T08:00:00.000Z', canExport: true });
  });

  it('counts a package as waiting while some of its changes are undelivered', () => {
    const { ws, usb } = setUp();
    ws.createPupils(350, 2);
    const pkg = exportHandoverPackage(ws.db, registryPacks, 'op', usb, now, () => undefined);
    const [a] = pendingIds(ws) as [string];
    // One change delivered by a sync meanwhile.
    ws.db.prepare('DELETE FROM outbox WHERE change_id = ?').run(a);
    expect(handoverStatus(ws.db).awaiting).toMatchObject([{ packageId: pkg.packageId, changes: 2, stillPending: 1 }]);
  });
});
