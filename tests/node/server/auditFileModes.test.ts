import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { adminSocketPath, openAdminChannel } from '../../../src-server/admin/adminChannel';
import { initServer } from '../../../src-server/admin/initServer';
import { openAdmin } from '../../../src-server/admin/openAdmin';
import { silentServerLogger } from '../../../src-server/log/serverLogger';
import { describeStorages } from '../../support/serverStorage';
import { tempDir } from '../../support/tempDir';

const temp = tempDir('bala-modes-');
afterAll(temp.cleanup);
const mode = (file: string) => fs.statSync(file).mode & 0o777;

describeStorages('the server at rest: file modes', (storage) => {
  it('makes the data folder, the embedded database folder and the keys readable by the server account only, and the admin socket too', async () => {
    const dataDir = path.join(temp.dir, `server-${storage.kind}`);
    // A folder the administrator made beforehand with the usual 0755 is closed by init.
    fs.mkdirSync(dataDir, { mode: 0o755 });
    fs.chmodSync(dataDir, 0o755);
    const pgUrl = await storage.freshPgUrl();
    await initServer({ dataDir, pgUrl, keyBits: 2048, actor: 'admin', now: new Date() });
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, 'pki'))).toBe(0o700);
    for (const key of ['ca.key.pem', 'server.key.pem']) expect(mode(path.join(dataDir, 'pki', key)), key).toBe(0o600);
    expect(mode(path.join(dataDir, 'server.json'))).toBe(0o600);
    if (!pgUrl) expect(mode(path.join(dataDir, 'db'))).toBe(0o700);

    fs.chmodSync(dataDir, 0o755); // loosened by hand later: serve closes it again
    const admin = await openAdmin({ dataDir, pgUrl });
    const channel = await openAdminChannel(dataDir, (actor) => ({ ...admin, actor }), silentServerLogger);
    try {
      expect(channel).not.toBeNull();
      expect(mode(dataDir)).toBe(0o700);
      expect(mode(adminSocketPath(dataDir) ?? '')).toBe(0o600);
    } finally {
      await channel?.close();
      await admin.db.close();
    }
  }, 120_000);
});
