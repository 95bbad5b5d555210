import crypto from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../src-main/store/cacheDatabase';
import { tempDir } from '../../support/tempDir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

describe('cache migration 006_handover', () => {
  it('keeps a workstation activated before it (no server certificate yet) and starts with no package', () => {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    const file = path.join(temp.dir, 'cache.db');
    const key = crypto.randomBytes(32);
    const before = openCache(file, key, { create: true, upTo: 5 });
    before
      .prepare(
        "INSERT INTO workstation (id, name, agency_json, scope_json, server_url, tls_server_name, ca_cert_pem, client_key_pem, client_cert_pem, profile_id, profile_expires_at, activated_at) VALUES ('ws-old1', 'w', '{}', '{}', 'u', 't', 'c', 'k', 'c', 'p', 'e', 'a')",
      )
      .run();
    before.close();

    const after = openCache(file, key, { upTo: 6 });
    expect(after.pragma('user_version', { simple: true })).toBe(6);
    expect(after.prepare('SELECT id, server_cert_pem FROM workstation').get()).toEqual({ id: 'ws-old1', server_cert_pem: null });
    expect(after.prepare('SELECT count(*) AS n FROM handover_packages').get()).toEqual({ n: 0 });
    // One row per export number: a second package with the same sequence is refused.
    const insert = after.prepare("INSERT INTO handover_packages (sequence, package_id, created_at, created_by, file_path, bytes, change_ids_json, change_count) VALUES (1, ?, 't', 'a', 'f', 1, '[]', 0)");
    insert.run(crypto.randomUUID());
    expect(() => insert.run(crypto.randomUUID())).toThrow(/UNIQUE|PRIMARY/);
    after.close();
  });
});
