import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../src-main/backend';
import { runCli } from '../../../src-main/cli/main';
import type { CliIo } from '../../../src-main/cli/output';
import { issueTestProfile } from '../../support/testProfile';
import { tempDir } from '../../support/tempDir';

const cleanups: (() => void)[] = [];
afterEach(() => {
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

const pupil = {
  name: { surname: 'Токтогулова', givenName: 'Жылдыз' },
  sex: 'female',
  birthDate: '2014-06-01',
  pin: '10106201400042',
  admittedOn: '2025-02-03',
  cameFrom: 'KG-N-KOC',
  hasParents: false,
  hasRelatives: true,
  disability: false,
  socialPayment: 'survivorPension',
  placementTerm: 'longTerm',
  legalStatus: 'orphan',
  referringBody: 'court',
  placementReason: 'parentsDied',
};

describe('bala records', () => {
  it('adds a pupil from a JSON file, lists it, shows it, and refuses a second with the same PIN', async () => {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    const dataDir = path.join(temp.dir, 'ws');
    const profile = await issueTestProfile({ operators: [{ username: 'jyldyz', password: 'Generated-Pass-1', mustChangePassword: false }] });
    const backend = createBackend({ dataDir, mode: 'test', locales: ['en'] });
    await backend.call('activation.activate', { source: { kind: 'file', name: 'p.balaprofile', contentBase64: profile.file.toString('base64') }, activationCode: profile.code });
    await backend.close();
    const file = path.join(temp.dir, 'pupil.json');
    fs.writeFileSync(file, JSON.stringify(pupil));
    process.env.BALA_USER = 'jyldyz';
    process.env.BALA_PASSWORD = 'Generated-Pass-1';

    const added = await bala('--data', dataDir, '--lang', 'en', '--json', 'records', 'add', '--form', 'kg-residential.pupil', '--file', file);
    expect(added.code, added.err).toBe(0);
    const id = (JSON.parse(added.out) as { value: { id: string } }).value.id;

    const listed = await bala('--data', dataDir, '--lang', 'en', 'records', 'list', '--form', 'kg-residential.pupil', '--search', 'toktogul');
    expect(listed.out).toContain(`${id}  r1`);
    expect(listed.out).toContain('Токтогулова Жылдыз');
    const shown = await bala('--data', dataDir, '--lang', 'en', '--json', 'records', 'show', id);
    expect(JSON.parse(shown.out)).toMatchObject({ ok: true, value: { values: { pin: '10106201400042' }, deadline: { state: 'late' } } });

    const again = await bala('--data', dataDir, '--lang', 'en', 'records', 'add', '--form', 'kg-residential.pupil', '--file', file, '--reason', 'test');
    expect(again.code).toBe(1);
    expect(again.err).toContain('DUPLICATE_PIN');

    fs.writeFileSync(file, JSON.stringify({ ...pupil, pin: '10106201500042' }));
    const wrong = await bala('--data', dataDir, '--lang', 'en', 'records', 'add', '--form', 'kg-residential.pupil', '--file', file);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('pin: The PIN gives the birth date 01.06.2015');
  });
});
