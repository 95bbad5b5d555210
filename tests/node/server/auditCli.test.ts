import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runServerCli } from '../../../src-server/cli/main';
import { openStorage } from '../../../src-server/db/openStorage';
import { describeStorages } from '../../support/serverStorage';
import { tempDir } from '../../support/tempDir';

const temp = tempDir('bala-audit-cli-');
afterAll(temp.cleanup);

async function run(argv: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runServerCli(argv, { io: { out: (text) => out.push(text), err: (text) => err.push(text) }, env: { LANG: 'en_GB.UTF-8', ...env } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describeStorages('bala-server audit verify, backup and restore', (storage) => {
  it('says intact, anchors, names a deleted tail, and backs up and restores through the CLI', async () => {
    const dataDir = path.join(temp.dir, `server-${storage.kind}`);
    const pgUrl = await storage.freshPgUrl();
    const env = pgUrl ? { BALA_PG_URL: pgUrl } : {};
    expect((await run(['--data', dataDir, 'init', '--key-bits', '2048'], env)).code).toBe(0);
    await run(['--data', dataDir, 'agency', 'add', '--name', 'Ош балдар үйү', '--kind', 'childrens_home', '--country', 'KG', '--territory', '41721', '--tin', '01234567890123'], env);
    const first = await run(['--data', dataDir, 'audit', 'verify'], env);
    expect(first.code).toBe(0);
    expect(first.out).toContain('The audit log is intact (2 entries).');
    expect(first.out).toContain('append-only triggers');
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'audit-anchor'), 'utf8'))).toMatchObject({ seq: 2 });
    expect(fs.statSync(path.join(dataDir, 'audit-anchor')).mode & 0o777).toBe(0o600);

    const db = await openStorage({ dataDir, pgUrl });
    try {
      await db.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await db.query('DELETE FROM audit_log WHERE seq >= 2');
      await db.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    } finally {
      await db.close();
    }
    const cut = await run(['--data', dataDir, 'audit', 'verify'], env);
    expect(cut.code).toBe(1);
    expect(cut.out).toContain('BROKEN');
    expect(cut.out).toContain('ends before entry 2');

    const keys = crypto.generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    fs.writeFileSync(path.join(temp.dir, `pub-${storage.kind}.pem`), keys.publicKey);
    fs.writeFileSync(path.join(temp.dir, `key-${storage.kind}.pem`), keys.privateKey);
    const file = path.join(temp.dir, `backup-${storage.kind}.balabackup`);
    const backup = await run(['--data', dataDir, 'backup', '--out', file, '--to', path.join(temp.dir, `pub-${storage.kind}.pem`)], env);
    expect(backup.code, backup.err).toBe(0);
    expect((await run(['--data', dataDir, 'backup', '--out', file, '--to', path.join(temp.dir, `pub-${storage.kind}.pem`)], env)).err).toContain('BACKUP_FILE_EXISTS');
    const restoredDir = path.join(temp.dir, `restored-${storage.kind}`);
    const restoreEnv = pgUrl ? { BALA_PG_URL: (await storage.freshPgUrl()) ?? '' } : {};
    const restored = await run(['--data', restoredDir, 'restore', '--from', file, '--key', path.join(temp.dir, `key-${storage.kind}.pem`)], restoreEnv);
    expect(restored.code, restored.err).toBe(0);
    expect((await run(['--data', restoredDir, 'agency', 'list'], restoreEnv)).out).toContain('Ош балдар үйү');
  }, 180_000);
});
