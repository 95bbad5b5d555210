import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../src-main/backend';
import { inProcessClient } from '../../../src-main/transport/inProcessClient';
import { jsonValue as json, run, serve, stopped } from '../../support/processes';
import { pupilFormId, samplePupil } from '../../support/pupilSamples';
import { tempDir } from '../../support/tempDir';

const temp = tempDir('bala-handover-channel-');
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) await stopped(child);
  temp.cleanup();
});

describe('bala-server import while serve holds the embedded database', () => {
  it('goes through the admin channel: the running server applies the package and writes the receipt', async () => {
    const serverDir = path.join(temp.dir, 'server');
    const usb = path.join(temp.dir, 'usb');
    fs.mkdirSync(usb);
    const profile = path.join(temp.dir, 'ws.balaprofile');
    const admin = (...args: string[]) => run('bala-server', ['--data', serverDir, '--json', ...args]);
    expect((await admin('init', '--key-bits', '2048', '--url', 'https://127.0.0.1:9')).code).toBe(0);
    await admin('agency', 'add', '--name', 'Ош балдар үйү', '--kind', 'childrens_home', '--country', 'KG', '--territory', '41711', '--tin', '01234567890123', '--id', 'osh-1');
    const user = json<{ password: string }>(await admin('user', 'add', '--username', 'aibek', '--agency', 'osh-1', '--role', 'data_holder', '--valid-days', '30', '--name', 'Айбек Ош'));
    const issued = json<{ activationCode: string }>(await admin('workstation', 'issue', '--agency', 'osh-1', '--users', 'aibek', '--out', profile));

    const backend = createBackend({ dataDir: path.join(temp.dir, 'ws'), mode: 'test', locales: ['en'] });
    try {
      const client = inProcessClient(backend);
      expect((await client.call('activation.activate', { source: { kind: 'file', name: 'ws.balaprofile', contentBase64: fs.readFileSync(profile).toString('base64') }, activationCode: issued.activationCode })).ok).toBe(true);
      expect((await client.call('session.signIn', { username: 'aibek', password: user.password })).ok).toBe(true);
      expect((await client.call('session.changePassword', { currentPassword: user.password, newPassword: 'Osh-Registry-77-2026' })).ok).toBe(true);
      expect((await client.call('records.create', { formId: pupilFormId, values: samplePupil(5) })).ok).toBe(true);
      const pkg = await client.call('handover.export', { folder: usb });
      if (!pkg.ok) throw new Error(pkg.error.code);

      children.push((await serve(serverDir)).child);
      // serve holds the embedded database: the CLI cannot open it and must use the channel.
      expect(fs.existsSync(path.join(serverDir, 'admin.sock'))).toBe(true);
      const receipt = path.join(usb, 'receipt.balareceipt');
      const imported = await admin('import', pkg.value.file, '--receipt', receipt);
      expect(imported.code, imported.err).toBe(0);
      expect(json(imported)).toMatchObject({ accepted: 1, repeat: false });
      expect(await client.call('handover.importReceipt', { source: { kind: 'path', path: receipt } })).toMatchObject({ ok: true, value: { delivered: 1 } });
      expect(await client.call('sync.status')).toMatchObject({ ok: true, value: { pending: 0 } });
    } finally {
      await backend.close();
    }
  }, 240_000);
});
