import crypto from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../src-main/store/cacheDatabase';
import { tempDir } from '../../support/tempDir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

describe('cache migration 007_agencies', () => {
  it('moves the agency names pulled so far into agencies (territory, department unknown) and drops the shared pull cursor', () => {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    const file = path.join(temp.dir, 'cache.db');
    const key = crypto.randomBytes(32);
    const before = openCache(file, key, { create: true, upTo: 6 });
    const put = before.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?)');
    put.run('agency:home-b', 'Home B');
    put.run('agency:home-c', 'Дом ребёнка № 3');
    put.run('pullCursor', '5120');
    put.run('lastSuccessAt', '2026-11-30T10:00:00.000Z');
    before.close();

    const after = openCache(file, key, { upTo: 7 });
    expect(after.pragma('user_version', { simple: true })).toBe(7);
    expect(after.prepare('SELECT id, name, territory, department FROM agencies ORDER BY id').all()).toEqual([
      { id: 'home-b', name: 'Home B', territory: null, department: null },
      { id: 'home-c', name: 'Дом ребёнка № 3', territory: null, department: null },
    ]);
    // The next pull of each operator starts from 0 (idempotent); other sync facts stay.
    expect(after.prepare('SELECT key, value FROM sync_state ORDER BY key').all()).toEqual([{ key: 'lastSuccessAt', value: '2026-11-30T10:00:00.000Z' }]);
    expect(() => after.prepare("INSERT INTO agencies (id, name) VALUES ('home-b', 'again')").run()).toThrow(/UNIQUE|PRIMARY/);
    after.close();
  });

  it('creates an empty agencies table on a new cache', () => {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    const db = openCache(path.join(temp.dir, 'cache.db'), crypto.randomBytes(32), { create: true });
    expect(db.prepare('SELECT count(*) AS n FROM agencies').get()).toEqual({ n: 0 });
    db.close();
  });
});
