import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openCache } from '../../../src-main/store/cacheDatabase';
import { cacheMigrations } from '../../../src-main/store/migrations';
import { tempDir } from '../../support/tempDir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
const freshFile = () => {
  const temp = tempDir();
  cleanups.push(temp.cleanup);
  return path.join(temp.dir, 'cache.db');
};

describe('encrypted cache', () => {
  it('keeps its content unreadable on disk, WAL included', () => {
    const file = freshFile();
    const key = crypto.randomBytes(32);
    const db = openCache(file, key, { create: true });
    db.prepare('INSERT INTO operators (username, display_name, role) VALUES (?, ?, ?)').run('u1', 'Нургүл Асанбекова ZQXJ', 'r');
    // Read the files while the WAL still holds the row, and again after a checkpoint.
    const scan = () =>
      fs.readdirSync(path.dirname(file)).some((name) => {
        const bytes = fs.readFileSync(path.join(path.dirname(file), name));
        return bytes.includes(Buffer.from('ZQXJ')) || bytes.includes(Buffer.from('Нургүл', 'utf8')) || bytes.includes(Buffer.from('SQLite format 3'));
      });
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    expect(scan()).toBe(false);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(scan()).toBe(false);
    const reopened = openCache(file, key);
    expect(reopened.prepare('SELECT display_name FROM operators').get()).toEqual({ display_name: 'Нургүл Асанбекова ZQXJ' });
    reopened.close();
  });

  it('refuses a wrong key with CACHE_WRONG_KEY and leaves the file as it was', () => {
    const file = freshFile();
    openCache(file, crypto.randomBytes(32), { create: true }).close();
    const before = fs.readFileSync(file);
    expect(() => openCache(file, crypto.randomBytes(32))).toThrow(expect.objectContaining({ code: 'CACHE_WRONG_KEY' }));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a foreign (plain SQLite) file and a damaged one, distinctly', () => {
    const plain = freshFile();
    const db = new Database(plain);
    db.exec('CREATE TABLE x (y)');
    db.close();
    expect(() => openCache(plain, crypto.randomBytes(32))).toThrow(expect.objectContaining({ code: 'CACHE_WRONG_KEY' }));
    // Really damaged: a cache with rows whose last page was cut off (a disk that lost a write).
    const damaged = freshFile();
    const key = crypto.randomBytes(32);
    const cache = openCache(damaged, key, { create: true });
    for (let i = 0; i < 50; i += 1) cache.prepare('INSERT INTO operators (username, display_name, role) VALUES (?, ?, ?)').run(`u${i}`, 'x'.repeat(200), 'r');
    cache.pragma('wal_checkpoint(TRUNCATE)');
    cache.close();
    const bytes = fs.readFileSync(damaged);
    fs.writeFileSync(damaged, bytes.subarray(0, bytes.length - 4096));
    expect(() => openCache(damaged, key)).toThrow(expect.objectContaining({ code: 'CACHE_DAMAGED', params: { reason: 'database disk image is malformed' } }));
    // And a missing one (deleted, or a folder copied without it).
    expect(() => openCache(freshFile(), key)).toThrow(expect.objectContaining({ code: 'CACHE_DAMAGED', params: { reason: 'missing' } }));
    // An emptied cache is damaged too, not a new one to migrate over it; the file stays as found.
    const emptied = freshFile();
    fs.writeFileSync(emptied, '');
    expect(() => openCache(emptied, key)).toThrow(expect.objectContaining({ code: 'CACHE_DAMAGED', params: { reason: 'empty' } }));
    expect(fs.statSync(emptied).size).toBe(0);
  });

  it('cannot be opened by the sqlite3 command-line tool', () => {
    // The check proves nothing without the tool: its absence fails (.ci/run installs Debian's sqlite3).
    const sqlite3 = spawnSync('sh', ['-c', 'command -v sqlite3'], { encoding: 'utf8' }).stdout.trim();
    expect(sqlite3, 'the sqlite3 command-line tool must be installed (apt-get install sqlite3)').not.toBe('');
    const file = freshFile();
    openCache(file, crypto.randomBytes(32), { create: true }).close();
    const run = spawnSync(sqlite3, [file, 'SELECT * FROM sqlite_master;'], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/not a database|encrypted/i);
  });
});

describe('cache migrations', () => {
  it('are numbered 1, 2, 3… without gaps', () => {
    expect(cacheMigrations.map((m) => m.version)).toEqual(cacheMigrations.map((_, index) => index + 1));
  });

  it('001_workstation creates its tables and an append-only audit log; applying again changes nothing', () => {
    const file = freshFile();
    const db = openCache(file, crypto.randomBytes(32), { create: true });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['audit_log', 'operators', 'pending_password_changes', 'workstation']));
    expect(db.pragma('user_version', { simple: true })).toBe(cacheMigrations.length);
    expect(migrate(db)).toBe(cacheMigrations.length);
    db.prepare("INSERT INTO audit_log (at, actor, action) VALUES ('t', 'a', 'x')").run();
    expect(() => db.prepare("UPDATE audit_log SET action = 'y'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.close();
  });

  it('002_records keeps records and their history, and refuses to delete either', () => {
    const file = freshFile();
    const db = openCache(file, crypto.randomBytes(32), { create: true, upTo: 2 });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.prepare("INSERT INTO records (id, form_id, form_version, values_json, revision, created_at, created_by, updated_at, updated_by) VALUES ('r1', 'f', 1, '{}', 1, 't', 'a', 't', 'a')").run();
    db.prepare("INSERT INTO record_history (record_id, revision, at, by, form_version, changes_json) VALUES ('r1', 1, 't', 'a', 1, '[]')").run();
    expect(() => db.prepare("DELETE FROM records WHERE id = 'r1'").run()).toThrow(/never deleted/);
    expect(() => db.prepare('DELETE FROM record_history').run()).toThrow(/append-only/);
    db.close();
  });

  it('003_record_subjects adds the subject link to existing records without losing them', () => {
    const file = freshFile();
    const key = crypto.randomBytes(32);
    const before = openCache(file, key, { create: true, upTo: 2 });
    before.prepare("INSERT INTO records (id, form_id, form_version, values_json, revision, created_at, created_by, updated_at, updated_by) VALUES ('r1', 'f', 1, '{\"a\":1}', 1, 't', 'a', 't', 'a')").run();
    before.close();
    const after = openCache(file, key);
    expect(after.pragma('user_version', { simple: true })).toBe(cacheMigrations.length);
    expect(after.prepare("SELECT values_json, subject_id FROM records WHERE id = 'r1'").get()).toEqual({ values_json: '{"a":1}', subject_id: null });
    after.close();
  });
});

describe('cache migration 004_sync', () => {
  it('queues every record saved before sync existed, whole, with a fresh change id each, and leaves them undelivered', () => {
    const file = freshFile();
    const key = crypto.randomBytes(32);
    const before = openCache(file, key, { create: true, upTo: 3 });
    const insert = before.prepare(
      "INSERT INTO records (id, form_id, form_version, values_json, revision, created_at, created_by, updated_at, updated_by, subject_id) VALUES (?, 'f', 1, ?, 2, ?, 'op', ?, 'op', ?)",
    );
    insert.run('p1', '{"a":1}', '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', null);
    insert.run('e1', '{"b":2}', '2026-01-01T00:00:00.000Z', '2026-01-03T00:00:00.000Z', 'p1');
    before.close();
    const after = openCache(file, key, { upTo: 4 });
    const rows = after.prepare('SELECT change_id, record_id, base_revision, values_json, sections_json, state FROM outbox ORDER BY seq').all() as {
      change_id: string;
      record_id: string;
      base_revision: number;
      values_json: string;
      sections_json: string | null;
      state: string;
    }[];
    expect(rows.map((row) => row.record_id)).toEqual(['p1', 'e1']); // the subject before its event
    expect(rows.every((row) => row.base_revision === 0 && row.sections_json === null && row.state === 'pending')).toBe(true);
    expect(rows[0]?.values_json).toBe('{"a":1}');
    for (const row of rows) expect(row.change_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(rows.map((row) => row.change_id)).size).toBe(2);
    expect(after.prepare("SELECT server_revision FROM records WHERE id = 'p1'").get()).toEqual({ server_revision: null });
    after.close();
  });
});
