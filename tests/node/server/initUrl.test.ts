import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { initServer } from '../../../src-server/admin/initServer';
import { tempDir } from '../../support/tempDir';

const temp = tempDir('bala-init-url-');
afterAll(temp.cleanup);

/** The address `init` records is what every issued profile dials: it must be one a workstation can reach. */
describe("init refuses a server address workstations could not dial", () => {
  for (const [what, serverUrl] of [
    ['plain http', 'http://registry.example.kg:8443'],
    ['port 0 (a test server’s "any port", not an address)', 'https://registry.example.kg:0'],
    ['not a URL', 'registry example'],
  ] as const) {
    it(`${what}: INVALID_INPUT, and nothing written`, async () => {
      const dataDir = path.join(temp.dir, what.replace(/\W+/g, '-'));
      await expect(initServer({ dataDir, serverUrl, keyBits: 2048, actor: 'admin', now: new Date('2026-12-03T10:00:00Z') })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      expect(fs.existsSync(dataDir)).toBe(false);
    });
  }
});
