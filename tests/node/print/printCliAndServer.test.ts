import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatVerificationCode, parseVerificationCode } from '../../../shared/print/verificationCode';
import { createBackend, type Backend } from '../../../src-main/backend';
import { runCli } from '../../../src-main/cli/main';
import type { CliIo } from '../../../src-main/cli/output';
import { verifyRegistryCopy } from '../../../src-server/admin/copyVerification';
import { runServerCli } from '../../../src-server/cli/main';
import { testAgency, testServerSetup, type TestServerSetup } from '../../support/serverAdmin';
import { startTestHttpServer, type TestHttpServer } from '../../support/serverHttp';
import { describeStorages } from '../../support/serverStorage';
import { signedInSyncWorkstation, type SyncWorkstation } from '../../support/syncWorkstation';
import { tempDir } from '../../support/tempDir';
import { kyrgyzPupil, poppler, printingWorkstation } from './printSupport';

const cleanups: (() => void)[] = [];
const backends: Backend[] = [];
afterEach(async () => {
  for (const backend of backends.splice(0)) await backend.close();
  cleanups.splice(0).forEach((cleanup) => cleanup());
  delete process.env.BALA_USER;
  delete process.env.BALA_PASSWORD;
});

async function bala(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (text) => out.push(text), err: (text) => err.push(text) };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('bala print and bala verify', () => {
  it('writes the card to the file named, in the language asked; verify accepts its code, then refuses it once the record changed', async () => {
    const { client, backend, dataDir } = await printingWorkstation(cleanups, backends);
    const pupil = await kyrgyzPupil(client);
    const second = await kyrgyzPupil(client, { name: { surname: 'Бекова', givenName: 'Нурай' }, pin: '10101201500123', birthDate: '2015-01-01' });
    // The CLI opens the data folder itself: this process lets go of the cache first.
    await backend.close();
    process.env.BALA_USER = 'aigul';
    process.env.BALA_PASSWORD = 'Generated-Pass-1';
    const out = tempDir('bala-print-out-');
    cleanups.push(out.cleanup);

    const file = path.join(out.dir, 'card.pdf');
    const printed = await bala('--data', dataDir, '--lang', 'ky', 'print', pupil.id, '--out', file, '--head', 'Сейитова А. Б.');
    expect(printed.err).toBe('');
    expect(printed.code).toBe(0);
    expect(printed.out).toContain(file);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    const text = poppler('pdftotext', fs.readFileSync(file), cleanups);
    expect(text).toContain('Үмөтбекова Айзирек Таңсыковна');
    expect(text).toContain('М.П.');
    const code = /\b((?:[0-9A-Z]{4}-){9}R\d+)\b/.exec(printed.out)?.[1] ?? '';
    expect(text).toContain(code);

    const all = path.join(out.dir, 'all.pdf');
    const batch = await bala('--data', dataDir, '--lang', 'ru', 'print', '--form', 'kg-residential.pupil', '--all', '--out', all);
    expect(batch.code).toBe(0);
    const allText = poppler('pdftotext', fs.readFileSync(all), cleanups);
    expect(allText).toContain('Учётная карточка воспитанника');
    expect(allText).toContain('Бекова Нурай');
    expect(allText).toContain('Үмөтбекова Айзирек Таңсыковна');
    expect(second.id).not.toBe(pupil.id);

    expect(await bala('--data', dataDir, '--lang', 'en', 'verify', code)).toMatchObject({ code: 0, out: expect.stringContaining('the current one') as string });
    expect(await bala('--data', dataDir, 'print', '--out', all)).toMatchObject({ code: 2 });

    const session = await printingWorkstationReopen(dataDir);
    const changed = await session.call('records.update', { id: pupil.id, baseRevision: 1, values: { ...pupil.values, otherProperty: 'Велосипед' } });
    expect(changed.ok).toBe(true);
    await session.close();
    const stale = await bala('--data', dataDir, '--lang', 'en', 'verify', code);
    expect(stale.code).toBe(1);
    expect(stale.err).toContain('out of date');
  });
});

/** Signs in again on a data folder the CLI used, for a change between two CLI runs. */
async function printingWorkstationReopen(dataDir: string) {
  const backend = createBackend({ dataDir, mode: 'test', locales: ['en'] });
  await backend.call('session.signIn', { username: 'aigul', password: 'Generated-Pass-1' });
  return { call: backend.call, close: () => backend.close() };
}

describeStorages('bala-server verify against the registry', (storage) => {
  let setup: TestServerSetup;
  let server: TestHttpServer;
  let agency: string;
  const open: SyncWorkstation[] = [];

  beforeAll(async () => {
    setup = testServerSetup(await storage.fresh());
    server = await startTestHttpServer(setup.admin.db, setup.pki);
    agency = (await testAgency(setup.admin, 'Ош балдар үйү')).id;
  });
  afterAll(async () => {
    for (const workstation of open.splice(0)) await workstation.close();
    await server.close();
    setup.cleanup();
  });

  it('accepts a delivered copy, marks it delivered on paper, and refuses it after a change reached the server', async () => {
    const ws = await signedInSyncWorkstation(setup, server.url, agency);
    open.push(ws);
    const pupil = await kyrgyzPupil(ws.client);
    expect(await ws.client.call('sync.now', undefined)).toMatchObject({ ok: true, value: { pending: 0 } });
    const printed = await ws.client.call('print.card', { recordId: pupil.id, language: 'ky' });
    if (!printed.ok) throw new Error(printed.error.message);
    const stamp = printed.value.stamps[0];
    expect(stamp?.delivered).toBe(true);
    const text = poppler('pdftotext', Buffer.from(printed.value.pdfBase64, 'base64'), cleanups);
    expect(text).toContain('Бул редакция борбордук серверге жеткирилди.');
    expect(text).not.toContain('ЖЕТКИРИЛЕ ЭЛЕК');

    const code = stamp?.code ?? '';
    expect(await verifyRegistryCopy(setup.admin, { code })).toMatchObject({ outcome: 'current', recordId: pupil.id, matchedRevision: 1, currentRevision: 1 });

    const changed = await ws.client.call('records.update', { id: pupil.id, baseRevision: 1, values: { ...pupil.values, otherProperty: 'Велосипед' } });
    expect(changed.ok).toBe(true);
    // Not yet sent: the server still holds the printed revision as its latest.
    expect(await verifyRegistryCopy(setup.admin, { code })).toMatchObject({ outcome: 'current' });
    const fresh = await ws.client.call('print.card', { recordId: pupil.id });
    if (!fresh.ok) throw new Error(fresh.error.message);
    expect(fresh.value.stamps[0]?.delivered).toBe(false);
    expect(await verifyRegistryCopy(setup.admin, { code: fresh.value.stamps[0]?.code ?? '' })).toMatchObject({ outcome: 'mismatch' });

    await ws.client.call('sync.now', undefined);
    expect(await verifyRegistryCopy(setup.admin, { code })).toMatchObject({ outcome: 'superseded', matchedRevision: 1, currentRevision: 2 });
    expect(await verifyRegistryCopy(setup.admin, { code: fresh.value.stamps[0]?.code ?? '' })).toMatchObject({ outcome: 'current', matchedRevision: 2 });
    const parsed = parseVerificationCode(code);
    if (!parsed) throw new Error('unreadable');
    const elsewhere = formatVerificationCode({ ...parsed, recordId: '00000000-0000-4000-8000-000000000000' });
    expect(await verifyRegistryCopy(setup.admin, { code: elsewhere })).toMatchObject({ outcome: 'unknown' });
    const { rows } = await setup.admin.db.query<{ n: number }>("SELECT count(*)::integer AS n FROM audit_log WHERE action = 'records.verifyCopy'");
    expect(rows[0]?.n).toBe(6);
  });

  it('bala-server verify answers in words, exit 1 for anything but the current revision', async () => {
    const temp = tempDir('bala-server-verify-');
    cleanups.push(temp.cleanup);
    const dir = path.join(temp.dir, 'server');
    const io = (out: string[], err: string[]) => ({ io: { out: (text: string) => out.push(text), err: (text: string) => err.push(text) }, env: { LANG: 'ru_RU.UTF-8' } });
    const out: string[] = [];
    const err: string[] = [];
    expect(await runServerCli(['--data', dir, 'init', '--url', 'https://localhost:8443', '--key-bits', '2048'], io(out, err))).toBe(0);
    const unknown = formatVerificationCode({ recordId: '00000000-0000-4000-8000-000000000000', revision: 1, hash: 'AAAAAAAAAA' });
    out.length = 0;
    expect(await runServerCli(['--data', dir, 'verify', unknown], io(out, err))).toBe(1);
    expect(out.join('\n')).toContain('Записи 00000000-0000-4000-8000-000000000000 здесь нет.');
    out.length = 0;
    expect(await runServerCli(['--data', dir, 'verify', 'nonsense'], io(out, err))).toBe(1);
    expect(out.join('\n')).toContain('Это не код проверки Bala.');
  });
});
