import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { seal } from '../../../src-main/handover/sealedFile';
import { AdminError } from '../../../src-server/admin/adminError';
import { changeWorkstationStatus } from '../../../src-server/admin/workstations';
import { importHandover } from '../../../src-server/handover/importPackage';
import { seal as serverSeal } from '../../../src-server/handover/sealedFile';
import { testAgency, testServerSetup, type TestServerSetup } from '../../support/serverAdmin';
import { describeStorages } from '../../support/serverStorage';
import { tempDir } from '../../support/tempDir';
import { offlineWorkstation, type OfflineWorkstation } from './offlineWorkstation';

describeStorages('handover refusals: nothing of a bad package or receipt is applied', (storage) => {
  let setup: TestServerSetup;
  let otherServer: TestServerSetup;
  let agency: string;
  const usb = tempDir('bala-usb-refusals-');
  const open: OfflineWorkstation[] = [];

  beforeAll(async () => {
    setup = testServerSetup(await storage.fresh());
    otherServer = testServerSetup(await storage.fresh());
    agency = (await testAgency(setup.admin, 'Талас балдар үйү')).id;
  }, 120_000);
  afterEach(async () => {
    for (const ws of open.splice(0)) await ws.close();
  });
  afterAll(() => {
    setup.cleanup();
    otherServer.cleanup();
    usb.cleanup();
  });

  const workstation = async () => {
    const made = await offlineWorkstation(setup, agency);
    open.push(made);
    return made;
  };
  const exported = async (ws: OfflineWorkstation) => {
    const answer = await ws.client.call('handover.export', { folder: usb.dir });
    if (!answer.ok) throw new Error(answer.error.code);
    return answer.value;
  };
  let fileCounter = 0;
  const fileWith = (bytes: Uint8Array) => {
    fileCounter += 1;
    const file = path.join(usb.dir, `crafted-${fileCounter}.balahandover`);
    fs.writeFileSync(file, bytes);
    return file;
  };
  const refusalOf = async (ctx: TestServerSetup, packageFile: string): Promise<string> => {
    const receiptFile = path.join(usb.dir, `receipt-${crypto.randomUUID()}.balareceipt`);
    try {
      await importHandover(ctx.admin, { packageFile, receiptFile });
    } catch (error) {
      if (!(error instanceof AdminError)) throw error;
      expect(fs.existsSync(receiptFile)).toBe(false);
      return error.code;
    }
    throw new Error('the package was accepted');
  };
  const serverCounts = async (ctx: TestServerSetup) => {
    const { rows } = await ctx.admin.db.query<{ records: number; imports: number }>(
      'SELECT (SELECT count(*)::integer FROM records) AS records, (SELECT count(*)::integer FROM handover_imports) AS imports',
    );
    return rows[0];
  };

  it('refuses a package with one byte changed, truncated, signed by another workstation, or made for another server', async () => {
    const a = await workstation();
    const b = await workstation();
    await a.createPupils(60, 2);
    await b.createPupils(62, 1);
    const pkg = await exported(a);
    const bytes = fs.readFileSync(pkg.file);
    const before = await serverCounts(setup);

    // One byte of the encrypted payload flipped: the signature no longer matches.
    const flipped = Buffer.from(bytes);
    const middle = Math.floor(flipped.length * 0.6);
    flipped[middle] = (flipped[middle] ?? 0) ^ 0x01;
    expect(await refusalOf(setup, fileWith(flipped))).toBe('HANDOVER_SIGNATURE_INVALID');
    // A byte of the readable header changed (the sequence number): refused as well.
    const header = Buffer.from(bytes.toString('latin1').replace('"sequence":1', '"sequence":7'), 'latin1');
    expect(header.equals(bytes)).toBe(false);
    expect(await refusalOf(setup, fileWith(header))).toBe('HANDOVER_SIGNATURE_INVALID');

    // Cut short, as by a drive pulled out mid-copy: at the end, in the payload, in the header.
    for (const length of [bytes.length - 1, Math.floor(bytes.length / 2), 40, 5]) {
      expect(await refusalOf(setup, fileWith(bytes.subarray(0, length)))).toBe('HANDOVER_TRUNCATED');
    }
    expect(await refusalOf(setup, fileWith(Buffer.from('not a package at all')))).toBe('HANDOVER_UNREADABLE');

    // B signs a package claiming to come from A.
    const bKeys = b.keys();
    const forged = seal(
      { format: 'bala-handover', version: 1, packageId: crypto.randomUUID(), workstationId: a.id, sequence: 1, createdAt: new Date().toISOString(), counts: { changes: 0 } },
      { packageId: crypto.randomUUID(), workstationId: a.id, pendingCount: 0, changes: [] },
      { recipientCertPem: setup.pki.serverCertPem, signerKeyPem: bKeys.clientKeyPem, signerCertPem: bKeys.clientCertPem },
    );
    expect(await refusalOf(setup, fileWith(forged))).toBe('HANDOVER_WRONG_SIGNER');
    // B's key, but A's certificate put in the header: the signature does not verify with A's key.
    const aKeys = a.keys();
    const borrowed = seal(
      { format: 'bala-handover', version: 1, packageId: crypto.randomUUID(), workstationId: a.id, sequence: 1, createdAt: new Date().toISOString(), counts: { changes: 0 } },
      { packageId: crypto.randomUUID(), workstationId: a.id, pendingCount: 0, changes: [] },
      { recipientCertPem: setup.pki.serverCertPem, signerKeyPem: bKeys.clientKeyPem, signerCertPem: aKeys.clientCertPem },
    );
    expect(await refusalOf(setup, fileWith(borrowed))).toBe('HANDOVER_SIGNATURE_INVALID');

    // A's genuine package taken to another administrator's server.
    expect(await refusalOf(otherServer, pkg.file)).toBe('HANDOVER_OTHER_SERVER');
    expect(await serverCounts(otherServer)).toEqual({ records: 0, imports: 0 });

    // Nothing of any of them reached the registry, but each refusal is in the audit log.
    expect(await serverCounts(setup)).toEqual(before);
    const refused = await setup.admin.db.query<{ target: string | null; code: string }>("SELECT target, details->>'code' AS code FROM audit_log WHERE action = 'handover.refused' ORDER BY id");
    expect(refused.rows.map((row) => row.code)).toEqual([
      'HANDOVER_SIGNATURE_INVALID',
      'HANDOVER_SIGNATURE_INVALID',
      'HANDOVER_TRUNCATED',
      'HANDOVER_TRUNCATED',
      'HANDOVER_TRUNCATED',
      'HANDOVER_TRUNCATED',
      'HANDOVER_UNREADABLE',
      'HANDOVER_WRONG_SIGNER',
      'HANDOVER_SIGNATURE_INVALID',
    ]);
    expect(refused.rows.at(-2)?.target).toBe(a.id);
    // The genuine package still goes through.
    const good = await importHandover(setup.admin, { packageFile: pkg.file, receiptFile: path.join(usb.dir, 'good.balareceipt') });
    expect(good).toMatchObject({ accepted: 2, workstationId: a.id });
  });

  it('refuses a revoked or suspended workstation’s package, applying nothing', async () => {
    const ws = await workstation();
    await ws.createPupils(70, 1);
    const pkg = await exported(ws);
    const before = await serverCounts(setup);
    await changeWorkstationStatus(setup.admin, { id: ws.id, change: 'suspend', reason: 'checking the data sent' });
    expect(await refusalOf(setup, pkg.file)).toBe('HANDOVER_WORKSTATION_BLOCKED');
    await changeWorkstationStatus(setup.admin, { id: ws.id, change: 'revoke', reason: 'laptop stolen' });
    expect(await refusalOf(setup, pkg.file)).toBe('WORKSTATION_REVOKED');
    expect(await serverCounts(setup)).toEqual(before);
  });

  it('refuses a receipt edited by hand, one for another workstation, and one signed by another server', async () => {
    const a = await workstation();
    const b = await workstation();
    await a.createPupils(80, 2);
    await b.createPupils(82, 1);
    const pkgA = await exported(a);
    await exported(b);
    const receiptFile = path.join(usb.dir, `receipt-a-${crypto.randomUUID()}.balareceipt`);
    await importHandover(setup.admin, { packageFile: pkgA.file, receiptFile });
    const receipt = fs.readFileSync(receiptFile);
    const upload = (bytes: Uint8Array) => ({ source: { kind: 'file' as const, name: 'r.balareceipt', contentBase64: Buffer.from(bytes).toString('base64') } });

    // Edited by hand: a count in the readable header, or a byte of the encrypted answers.
    const recounted = Buffer.from(receipt.toString('latin1').replace('"rejected":0', '"rejected":1'), 'latin1');
    expect(recounted.equals(receipt)).toBe(false);
    expect(await a.client.call('handover.importReceipt', upload(recounted))).toMatchObject({ ok: false, error: { code: 'RECEIPT_TAMPERED' } });
    const edited = Buffer.from(receipt);
    const at = 12 + receipt.readUInt32BE(8) + 3;
    edited[at] = (edited[at] ?? 0) ^ 0x20;
    expect(await a.client.call('handover.importReceipt', upload(edited))).toMatchObject({ ok: false, error: { code: 'RECEIPT_TAMPERED' } });
    expect(await a.client.call('handover.importReceipt', upload(receipt.subarray(0, receipt.length - 10)))).toMatchObject({ ok: false, error: { code: 'RECEIPT_UNREADABLE' } });
    expect(await b.client.call('handover.importReceipt', upload(receipt))).toMatchObject({ ok: false, error: { code: 'RECEIPT_OTHER_WORKSTATION', message: expect.stringContaining(a.id) as unknown } });

    // A receipt in the right shape, signed by another administrator's server.
    const header = JSON.parse(receipt.subarray(12, 12 + receipt.readUInt32BE(8)).toString('utf8')) as { packageId: string; sequence: number };
    const foreign = serverSeal(
      { format: 'bala-handover-receipt', version: 1, packageId: header.packageId, workstationId: a.id, sequence: header.sequence, createdAt: new Date().toISOString(), counts: {} },
      { packageId: header.packageId, workstationId: a.id, importedAt: new Date().toISOString(), repeat: false, gap: null, outcomes: [] },
      { recipientCertPem: a.keys().clientCertPem, signerKeyPem: otherServer.pki.serverKeyPem, signerCertPem: otherServer.pki.serverCertPem },
    );
    expect(await a.client.call('handover.importReceipt', upload(foreign))).toMatchObject({ ok: false, error: { code: 'RECEIPT_NOT_FROM_SERVER' } });

    // Nothing changed on either workstation; the genuine receipt then delivers A's changes.
    expect(await a.client.call('sync.status')).toMatchObject({ ok: true, value: { pending: 2 } });
    expect(await b.client.call('sync.status')).toMatchObject({ ok: true, value: { pending: 1 } });
    const local = a.backend.ctx.session.work('read').db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'handover.receipt'").get() as { n: number };
    expect(local.n).toBe(0);
    const refusedHere = a.backend.ctx.session.work('read').db.prepare("SELECT json_extract(details_json, '$.code') AS code FROM audit_log WHERE action = 'handover.receiptRefused' ORDER BY id").all() as { code: string }[];
    expect(refusedHere.map((row) => row.code)).toEqual(['RECEIPT_TAMPERED', 'RECEIPT_TAMPERED', 'RECEIPT_UNREADABLE', 'RECEIPT_NOT_FROM_SERVER']);
    expect(await a.client.call('handover.importReceipt', upload(receipt))).toMatchObject({ ok: true, value: { delivered: 2 } });
    expect(await a.client.call('sync.status')).toMatchObject({ ok: true, value: { pending: 0 } });
  });
});
