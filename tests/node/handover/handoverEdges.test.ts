import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { AdminError } from '../../../src-server/admin/adminError';
import { importHandover } from '../../../src-server/handover/importPackage';
import { seal as serverSeal } from '../../../src-server/handover/sealedFile';
import { issueTestProfile } from '../../support/testProfile';
import { testAgency, testServerSetup, type TestServerSetup } from '../../support/serverAdmin';
import { describeStorages } from '../../support/serverStorage';
import { tempDir } from '../../support/tempDir';
import { offlineWorkstation, type OfflineWorkstation } from './offlineWorkstation';

/*
 * Issue 22: the handover's paths no test took — a receipt for a package this workstation never
 * wrote, a workstation without the server's key, a receipt the server cannot write — each by
 * its exact code, and nothing changed by the refusal.
 */

describeStorages('handover edges', (storage) => {
  let setup: TestServerSetup;
  let agency: string;
  const usb = tempDir('bala-usb-edges-');
  const open: OfflineWorkstation[] = [];

  beforeAll(async () => {
    setup = testServerSetup(await storage.fresh());
    agency = (await testAgency(setup.admin, 'Баткен балдар үйү')).id;
  }, 120_000);
  afterEach(async () => {
    for (const ws of open.splice(0)) await ws.close();
  });
  afterAll(() => {
    setup.cleanup();
    usb.cleanup();
  });

  const workstation = async () => {
    const made = await offlineWorkstation(setup, agency);
    open.push(made);
    return made;
  };
  const upload = (bytes: Uint8Array) => ({ source: { kind: 'file' as const, name: 'r.balareceipt', contentBase64: Buffer.from(bytes).toString('base64') } });
  const adminCode = async (promise: Promise<unknown>): Promise<string> => {
    try {
      await promise;
    } catch (error) {
      if (error instanceof AdminError) return error.code;
      throw error;
    }
    throw new Error('accepted');
  };

  it('refuses a receipt from our server for a package this workstation never wrote with RECEIPT_UNKNOWN_PACKAGE, changing nothing', async () => {
    const a = await workstation();
    await a.createPupils(90, 2);
    const unknownPackage = crypto.randomUUID();
    const receipt = serverSeal(
      { format: 'bala-handover-receipt', version: 1, packageId: unknownPackage, workstationId: a.id, sequence: 1, createdAt: new Date().toISOString(), counts: {} },
      { packageId: unknownPackage, workstationId: a.id, importedAt: new Date().toISOString(), repeat: false, gap: null, outcomes: [] },
      { recipientCertPem: a.keys().clientCertPem, signerKeyPem: setup.pki.serverKeyPem, signerCertPem: setup.pki.serverCertPem },
    );
    expect(await a.client.call('handover.importReceipt', upload(receipt))).toMatchObject({ ok: false, error: { code: 'RECEIPT_UNKNOWN_PACKAGE' } });
    expect(await a.client.call('sync.status')).toMatchObject({ ok: true, value: { pending: 2 } });
    const { db } = a.backend.ctx.session.work('read');
    expect(db.prepare("SELECT json_extract(details_json, '$.code') AS code FROM audit_log WHERE action = 'handover.receiptRefused'").all()).toEqual([{ code: 'RECEIPT_UNKNOWN_PACKAGE' }]);
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'handover.receipt'").get()).toEqual({ n: 0 });
  });

  it('refuses to write a package without a server key it can trust with HANDOVER_NO_SERVER_KEY, leaving the carrier and the outbox as they were', async () => {
    const a = await workstation();
    await a.createPupils(92, 1);
    const folder = fs.mkdtempSync(path.join(usb.dir, 'nokey-'));
    const { db } = a.backend.ctx.session.work('write');
    const genuine = a.keys().serverCertPem;
    // No server certificate (a profile older than handover), then one another CA issued.
    const stranger = await issueTestProfile({ operators: [] });
    for (const serverCert of [null, stranger.serverCertPem]) {
      db.prepare('UPDATE workstation SET server_cert_pem = ?').run(serverCert);
      expect(await a.client.call('handover.export', { folder })).toMatchObject({ ok: false, error: { code: 'HANDOVER_NO_SERVER_KEY' } });
      expect(fs.readdirSync(folder)).toEqual([]);
    }
    expect(db.prepare('SELECT count(*) AS n FROM handover_packages').get()).toEqual({ n: 0 });
    db.prepare('UPDATE workstation SET server_cert_pem = ?').run(genuine);
    expect(await a.client.call('handover.export', { folder })).toMatchObject({ ok: true, value: { changes: 1, sequence: 1 } });
  });

  it('answers HANDOVER_RECEIPT_UNWRITABLE when the receipt cannot be written, leaves no partial file, and gives the receipt again on a repeat import', async () => {
    const a = await workstation();
    await a.createPupils(94, 2);
    const exported = await a.client.call('handover.export', { folder: usb.dir });
    if (!exported.ok) throw new Error(exported.error.code);
    const missingFolder = path.join(usb.dir, 'no-such-folder');
    const unwritable = path.join(missingFolder, 'receipt.balareceipt');
    expect(await adminCode(importHandover(setup.admin, { packageFile: exported.value.file, receiptFile: unwritable }))).toBe('HANDOVER_RECEIPT_UNWRITABLE');
    expect(fs.existsSync(missingFolder)).toBe(false);
    expect(fs.readdirSync(usb.dir).filter((name) => name.endsWith('.partial'))).toEqual([]);

    // Something already at the receipt path (here a folder): refused before the package is read.
    const folderInTheWay = path.join(usb.dir, `receipt-${crypto.randomUUID()}.balareceipt`);
    fs.mkdirSync(folderInTheWay);
    expect(await adminCode(importHandover(setup.admin, { packageFile: exported.value.file, receiptFile: folderInTheWay }))).toBe('HANDOVER_RECEIPT_EXISTS');

    // The changes were applied before the write failed: importing again is a repeat, and its receipt delivers them.
    const receiptFile = path.join(usb.dir, `receipt-${crypto.randomUUID()}.balareceipt`);
    expect(await importHandover(setup.admin, { packageFile: exported.value.file, receiptFile })).toMatchObject({ repeat: true, alreadyApplied: 2, accepted: 0 });
    expect(await a.client.call('handover.importReceipt', upload(fs.readFileSync(receiptFile)))).toMatchObject({ ok: true, value: { delivered: 2 } });
    expect(await a.client.call('sync.status')).toMatchObject({ ok: true, value: { pending: 0 } });
  });
});
