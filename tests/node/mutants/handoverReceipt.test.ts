import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeOutcome } from '../../../shared/sync/syncProtocol';
import { BalaError } from '../../../src-main/api/balaError';
import { exportHandoverPackage } from '../../../src-main/handover/exportPackage';
import { importHandoverReceipt } from '../../../src-main/handover/importReceipt';
import { registryPacks } from '../../../shared/packs';
import { tempDir } from '../../support/tempDir';
import { handoverPki, handoverWorkstation, type HandoverPki, type HandoverWorkstation } from './handoverWorkstation';

/*
 * Issue 22: a receipt the administrator brings back (src-main/handover/importReceipt.ts). Each
 * refusal by its exact code, kept in the local audit log, and nothing else changed by it.
 */

let pki: HandoverPki;
/** Another administrator's CA and server. */
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
const later = new Date('2026-12-03T11:00:00.000Z');

function exported(pupils: number) {
  const ws = handoverWorkstation(pki);
  open.push(ws);
  const usb = tempDir('bala-usb-mut-');
  cleanups.push(usb.cleanup);
  const records = ws.createPupils(200, pupils);
  const pkg = exportHandoverPackage(ws.db, registryPacks, 'op', usb.dir, now, () => undefined);
  const changeIds = (ws.db.prepare('SELECT change_id FROM outbox ORDER BY seq').all() as { change_id: string }[]).map((row) => row.change_id);
  return { ws, pkg, records, changeIds, usb: usb.dir };
}

const refusal = (work: () => unknown): string => {
  try {
    work();
  } catch (error) {
    if (error instanceof BalaError) return error.code;
    throw error;
  }
  return 'accepted';
};
const refusedCodes = (ws: HandoverWorkstation) =>
  (ws.db.prepare("SELECT json_extract(details_json, '$.code') AS code, json_extract(details_json, '$.bytes') AS bytes FROM audit_log WHERE action = 'handover.receiptRefused' ORDER BY id").all() as { code: string; bytes: number }[]);
const pendingIds = (ws: HandoverWorkstation) => (ws.db.prepare("SELECT change_id FROM outbox WHERE state = 'pending' ORDER BY seq").all() as { change_id: string }[]).map((row) => row.change_id);

describe('a handover receipt on the workstation', () => {
  it('stores each answer as a push would: delivered changes leave the outbox, a conflict and a rejection wait for the operator', () => {
    const { ws, pkg, records, changeIds } = exported(6);
    const [accepted, merged, already, conflict, rejected, conflict2] = changeIds as [string, string, string, string, string, string];
    const outcomes: ChangeOutcome[] = [
      { changeId: accepted, outcome: 'accepted', revision: 7, merged: false },
      { changeId: merged, outcome: 'accepted', revision: 9, merged: true },
      { changeId: already, outcome: 'alreadyApplied', revision: 3 },
      { changeId: conflict, outcome: 'conflict', revision: 4, theirs: {}, by: 'admin', at: '2026-12-01T07:00:00.000Z' },
      { changeId: rejected, outcome: 'rejected', code: 'INVALID_VALUES', problems: [] },
      { changeId: conflict2, outcome: 'conflict', revision: 2, theirs: {}, by: 'admin', at: '2026-12-01T07:05:00.000Z' },
      // An answer to a change this package never carried is not applied.
      { changeId: crypto.randomUUID(), outcome: 'accepted', revision: 1, merged: false },
    ];
    const gap = { expected: 1, received: 1 };
    const bytes = ws.receipt({ packageId: pkg.packageId, outcomes, gap });
    const result = importHandoverReceipt(ws.db, bytes, 'op', later);
    expect(result).toEqual({ packageId: pkg.packageId, sequence: 1, delivered: 3, conflicts: 2, rejected: 1, repeat: false, gap });

    expect(pendingIds(ws)).toEqual([]);
    const states = ws.db.prepare('SELECT change_id, state FROM outbox ORDER BY seq').all() as { change_id: string; state: string }[];
    expect(states).toEqual([{ change_id: conflict, state: 'conflict' }, { change_id: rejected, state: 'rejected' }, { change_id: conflict2, state: 'conflict' }]);
    // The accepted record now knows the server's revision; a merged one waits for the pull.
    const revision = (id: string | undefined) => (ws.db.prepare('SELECT server_revision AS r FROM records WHERE id = ?').get(id) as { r: number | null }).r;
    expect(revision(records[0])).toBe(7);
    expect(revision(records[1])).toBeNull();

    const stored = ws.db.prepare('SELECT receipt_at, receipt_json FROM handover_packages WHERE package_id = ?').get(pkg.packageId) as { receipt_at: string; receipt_json: string };
    expect(stored.receipt_at).toBe(later.toISOString());
    expect(JSON.parse(stored.receipt_json)).toEqual({ delivered: 3, conflicts: 2, rejected: 1, importedAt: '2026-12-01T08:00:00.000Z', repeat: false, gap });
    const audit = ws.db.prepare("SELECT at, actor, details_json FROM audit_log WHERE action = 'handover.receipt'").all() as { at: string; actor: string; details_json: string }[];
    expect(audit.map((row) => ({ ...row, details: JSON.parse(row.details_json) as unknown, details_json: undefined }))).toEqual([
      {
        at: later.toISOString(),
        actor: 'op',
        details_json: undefined,
        details: { packageId: pkg.packageId, sequence: 1, delivered: 3, conflicts: 2, rejected: 1, importedAt: '2026-12-01T08:00:00.000Z', repeat: false, gap, outcomes: 7, before: false },
      },
    ]);
    expect(refusedCodes(ws)).toEqual([]);
  });

  it('takes the same receipt again as a repeat, keeping the day it first came back', () => {
    const { ws, pkg, changeIds } = exported(1);
    const bytes = ws.receipt({ packageId: pkg.packageId, outcomes: [{ changeId: changeIds[0] ?? '', outcome: 'accepted', revision: 2, merged: false }] });
    expect(importHandoverReceipt(ws.db, bytes, 'op', now)).toMatchObject({ delivered: 1, repeat: false });
    expect(importHandoverReceipt(ws.db, bytes, 'op', later)).toEqual({ packageId: pkg.packageId, sequence: 1, delivered: 0, conflicts: 0, rejected: 0, repeat: true, gap: null });
    expect(ws.db.prepare('SELECT receipt_at AS at FROM handover_packages').get()).toEqual({ at: now.toISOString() });
    const before = ws.db.prepare("SELECT json_extract(details_json, '$.before') AS before FROM audit_log WHERE action = 'handover.receipt' ORDER BY id").all();
    expect(before).toEqual([{ before: 0 }, { before: 1 }]);
  });

  it('refuses a receipt for a package this workstation never wrote with RECEIPT_UNKNOWN_PACKAGE, changing nothing', () => {
    const { ws, changeIds } = exported(2);
    const stranger = crypto.randomUUID();
    const bytes = ws.receipt({ packageId: stranger, outcomes: changeIds.map((changeId) => ({ changeId, outcome: 'accepted', revision: 1, merged: false })) });
    expect(refusal(() => importHandoverReceipt(ws.db, bytes, 'op', later))).toBe('RECEIPT_UNKNOWN_PACKAGE');
    expect(pendingIds(ws)).toEqual(changeIds);
    expect(refusedCodes(ws)).toEqual([{ code: 'RECEIPT_UNKNOWN_PACKAGE', bytes: bytes.length }]);
    expect(ws.db.prepare('SELECT receipt_at AS at FROM handover_packages').get()).toEqual({ at: null });
    expect(ws.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'handover.receipt'").get()).toEqual({ n: 0 });
  });

  it('refuses a file that is not a receipt, or is cut short, with RECEIPT_UNREADABLE', () => {
    const { ws, pkg, changeIds } = exported(1);
    const whole = ws.receipt({ packageId: pkg.packageId });
    const codes = [Buffer.from('not a receipt'), whole.subarray(0, whole.length - 1), fs.readFileSync(pkg.file)].map((bytes) => refusal(() => importHandoverReceipt(ws.db, bytes, 'op', later)));
    expect(codes).toEqual(['RECEIPT_UNREADABLE', 'RECEIPT_UNREADABLE', 'RECEIPT_UNREADABLE']);
    expect(pendingIds(ws)).toEqual(changeIds);
  });

  it('refuses a signed receipt whose sealed answers name another package or workstation, or are not answers, with RECEIPT_UNREADABLE', () => {
    const { ws, pkg, changeIds } = exported(1);
    const answers = { importedAt: '2026-12-01T08:00:00.000Z', repeat: false, gap: null, outcomes: [] };
    const mismatched = [
      { ...answers, packageId: crypto.randomUUID(), workstationId: ws.keys.workstationId },
      { ...answers, packageId: pkg.packageId, workstationId: 'ws-someone-else' },
      { ...answers, packageId: pkg.packageId, workstationId: ws.keys.workstationId, outcomes: 'all accepted' },
    ].map((sealedPayload) => ws.receipt({ packageId: pkg.packageId }, { sealedPayload }));
    expect(mismatched.map((bytes) => refusal(() => importHandoverReceipt(ws.db, bytes, 'op', later)))).toEqual(['RECEIPT_UNREADABLE', 'RECEIPT_UNREADABLE', 'RECEIPT_UNREADABLE']);
    expect(pendingIds(ws)).toEqual(changeIds);
    expect(refusedCodes(ws).map((row) => row.code)).toEqual(['RECEIPT_UNREADABLE', 'RECEIPT_UNREADABLE', 'RECEIPT_UNREADABLE']);
  });

  it('refuses a receipt with a byte changed as RECEIPT_TAMPERED', () => {
    const { ws, pkg, changeIds } = exported(1);
    const bytes = ws.receipt({ packageId: pkg.packageId, outcomes: [{ changeId: changeIds[0] ?? '', outcome: 'accepted', revision: 1, merged: false }] });
    const flipped = Buffer.from(bytes);
    const at = 12 + bytes.readUInt32BE(8) + 2;
    flipped[at] = (flipped[at] ?? 0) ^ 0x01;
    expect(refusal(() => importHandoverReceipt(ws.db, flipped, 'op', later))).toBe('RECEIPT_TAMPERED');
    expect(pendingIds(ws)).toEqual(changeIds);
  });

  it('refuses a receipt signed by anyone but this workstation’s server with RECEIPT_NOT_FROM_SERVER', () => {
    const { ws, pkg, changeIds } = exported(1);
    // Another server of our own CA: the profile names one server, and only it writes receipts.
    const siblingServer = pki.issue('serverAuth');
    const codes = [foreign.server, siblingServer].map((signer) => refusal(() => importHandoverReceipt(ws.db, ws.receipt({ packageId: pkg.packageId }, { signer }), 'op', later)));
    expect(codes).toEqual(['RECEIPT_NOT_FROM_SERVER', 'RECEIPT_NOT_FROM_SERVER']);
    expect(pendingIds(ws)).toEqual(changeIds);
  });

  it('lacking the server’s certificate in the profile, takes a receipt only from a server certificate of its own CA', () => {
    const { ws, pkg, changeIds } = exported(2);
    ws.db.prepare('UPDATE workstation SET server_cert_pem = NULL').run();
    const signers = [
      foreign.server,
      // Our CA, but a client's certificate (another workstation's): not a server.
      pki.issue('clientAuth'),
      // A server certificate naming our CA, signed by another key.
      pki.issue('serverAuth', foreign.caKeyPem),
    ];
    expect(signers.map((signer) => refusal(() => importHandoverReceipt(ws.db, ws.receipt({ packageId: pkg.packageId }, { signer }), 'op', later)))).toEqual(['RECEIPT_NOT_FROM_SERVER', 'RECEIPT_NOT_FROM_SERVER', 'RECEIPT_NOT_FROM_SERVER']);
    const ours = pki.issue('serverAuth');
    const outcomes = changeIds.map((changeId) => ({ changeId, outcome: 'alreadyApplied' as const, revision: 1 }));
    expect(importHandoverReceipt(ws.db, ws.receipt({ packageId: pkg.packageId, outcomes }, { signer: ours }), 'op', later)).toMatchObject({ delivered: 2 });
    // A CA certificate the cache cannot read trusts no one.
    ws.db.prepare("UPDATE workstation SET ca_cert_pem = 'not a certificate'").run();
    expect(refusal(() => importHandoverReceipt(ws.db, ws.receipt({ packageId: pkg.packageId }, { signer: ours }), 'op', later))).toBe('RECEIPT_NOT_FROM_SERVER');
  });

  it('keeps only refusals in the local audit log, not a cache that fails under it', () => {
    const { ws, pkg } = exported(1);
    const bytes = ws.receipt({ packageId: pkg.packageId });
    ws.db.prepare('DELETE FROM workstation').run();
    expect(() => importHandoverReceipt(ws.db, bytes, 'op', later)).toThrow('cache has no workstation row');
    expect(ws.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'handover.receipt%'").get()).toEqual({ n: 0 });
  });

  it('refuses our server’s receipt made for another workstation with RECEIPT_OTHER_WORKSTATION, naming it', () => {
    const { ws, pkg, changeIds } = exported(1);
    let named: unknown;
    try {
      importHandoverReceipt(ws.db, ws.receipt({ packageId: pkg.packageId }, { workstationId: 'ws-talas-9' }), 'op', later);
    } catch (error) {
      named = error;
    }
    expect(named).toMatchObject({ code: 'RECEIPT_OTHER_WORKSTATION', params: { id: 'ws-talas-9' } });
    // Our id in the header, but sealed to another workstation's certificate.
    const other = pki.issue('clientAuth');
    expect(refusal(() => importHandoverReceipt(ws.db, ws.receipt({ packageId: pkg.packageId }, { recipientCertPem: other.certPem }), 'op', later))).toBe('RECEIPT_OTHER_WORKSTATION');
    expect(pendingIds(ws)).toEqual(changeIds);
    expect(refusedCodes(ws).map((row) => row.code)).toEqual(['RECEIPT_OTHER_WORKSTATION', 'RECEIPT_OTHER_WORKSTATION']);
  });
});
