import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { jsonValue as json, run } from '../../support/processes';
import { pupilFormId, samplePupil } from '../../support/pupilSamples';
import { describeStorages } from '../../support/serverStorage';
import { tempDir } from '../../support/tempDir';

/**
 * The README's handover verbs as an administrator and an operator type them: real `bala` and
 * `bala-server` processes, a workstation whose server address answers nobody, a folder standing
 * in for the USB drive.
 */
describeStorages('bala handover export | bala-server import | bala handover receipt', (storage) => {
  const temp = tempDir('bala-handover-cli-');
  afterAll(() => temp.cleanup());

  it('hands two pupils over on a drive, once, and the receipt empties the outbox', async () => {
    const pgUrl = await storage.freshPgUrl();
    const serverDir = path.join(temp.dir, `server-${storage.kind}`);
    const workstation = path.join(temp.dir, `ws-${storage.kind}`);
    const usb = path.join(temp.dir, `usb-${storage.kind}`);
    fs.mkdirSync(usb);
    const profile = path.join(temp.dir, `naryn-${storage.kind}.balaprofile`);
    const admin = (...args: string[]) => run('bala-server', ['--data', serverDir, ...(pgUrl ? ['--pg', pgUrl] : []), '--json', ...args]);

    expect((await admin('init', '--key-bits', '2048', '--url', 'https://127.0.0.1:9')).code).toBe(0);
    expect((await admin('agency', 'add', '--name', 'Нарын балдар үйү', '--kind', 'childrens_home', '--country', 'KG', '--territory', '41711', '--tin', '01234567890123', '--id', 'naryn-1')).code).toBe(0);
    const user = json<{ password: string }>(await admin('user', 'add', '--username', 'bakyt', '--agency', 'naryn-1', '--role', 'data_holder', '--valid-days', '365', '--name', 'Бакыт Осмонов'));
    const issued = json<{ activationCode: string; workstation: { id: string } }>(await admin('workstation', 'issue', '--agency', 'naryn-1', '--users', 'bakyt', '--out', profile));

    const bala = (args: string[], env: Record<string, string> = {}) => run('bala', ['--data', workstation, ...args], env);
    expect((await bala(['activate', '--profile', profile], { BALA_ACTIVATION_CODE: issued.activationCode })).code).toBe(0);
    const changed = await bala(['passwd'], { BALA_USER: 'bakyt', BALA_PASSWORD: user.password, BALA_NEW_PASSWORD: 'Нарын-сырсөз-2026' });
    expect(changed.code, changed.err).toBe(0);
    const operator = { BALA_USER: 'bakyt', BALA_PASSWORD: 'Нарын-сырсөз-2026' };
    for (const i of [91, 92]) {
      const file = path.join(temp.dir, `pupil-${storage.kind}-${i}.json`);
      fs.writeFileSync(file, JSON.stringify(samplePupil(i)));
      const added = await bala(['records', 'add', '--form', pupilFormId, '--file', file], operator);
      expect(added.code, added.err).toBe(0);
    }

    const exported = await bala(['--json', 'handover', 'export', '--to', usb], operator);
    expect(exported.code, exported.err).toBe(0);
    const pkg = json<{ file: string; changes: number; sequence: number }>(exported);
    expect(pkg).toMatchObject({ changes: 2, sequence: 1 });
    expect(fs.readdirSync(usb)).toEqual([path.basename(pkg.file)]);

    const receipt = path.join(usb, 'naryn-1.balareceipt');
    const imported = await run('bala-server', ['--data', serverDir, ...(pgUrl ? ['--pg', pgUrl] : []), 'import', pkg.file, '--receipt', receipt]);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toContain(`Package 1 of ${issued.workstation.id}`);
    expect(imported.out).toContain('2 accepted, 0 already applied');
    const again = await run('bala-server', ['--data', serverDir, ...(pgUrl ? ['--pg', pgUrl] : []), 'import', pkg.file, '--receipt', path.join(usb, 'again.balareceipt')]);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain('0 accepted, 2 already applied');
    expect(again.out).toContain('imported before');
    // A receipt is never written over an existing file.
    const over = await admin('import', pkg.file, '--receipt', receipt);
    expect(over.code).toBe(1);
    expect(JSON.parse(over.err)).toMatchObject({ ok: false, error: { code: 'HANDOVER_RECEIPT_EXISTS' } });

    const records = json<{ id: string }[]>(await admin('records', 'list'));
    expect(records).toHaveLength(2);
    const audit = json<{ action: string }[]>(await admin('audit', '--limit', '100'));
    expect(audit.filter((entry) => entry.action === 'handover.import')).toHaveLength(2);

    const back = await bala(['handover', 'receipt', receipt], operator);
    expect(back.code, back.err).toBe(0);
    expect(back.out).toContain('2 delivered, 0 conflicts, 0 rejected');
    // The outbox is empty: there is nothing left to hand over.
    const nothing = await bala(['handover', 'export', '--to', usb], operator);
    expect(nothing.code).toBe(1);
    expect(nothing.err).toContain('HANDOVER_NOTHING_PENDING');
  }, 300_000);
});
