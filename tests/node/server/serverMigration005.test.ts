import { expect, it } from 'vitest';
import { migrate } from '../../../src-server/db/migrate';
import { migrations } from '../../../src-server/db/migrations';
import { describeStorages } from '../../support/serverStorage';

describeStorages('server migration 005_operator_sessions', (storage) => {
  it('keeps accounts, workstations and revisions made before it (no keys, no pusher, no install) and takes the new tables after it', async () => {
    const db = await storage.empty();
    await migrate(db, migrations.filter((migration) => migration.version < 5));
    await db.query(`INSERT INTO agencies (id, name, kind, country, territory, tin) VALUES ('old-home', 'Ош балдар үйү', 'childrens_home', 'KG', '41721', '01234567890123')`);
    await db.query(
      `INSERT INTO users (username, display_name, agency_id, role, password_hash, kdf, valid_until) VALUES ('old.user', 'Old', 'old-home', 'data_holder', 'AAAA', '{"algorithm":"scrypt"}'::jsonb, now() + interval '30 days')`,
    );
    await db.query(
      `INSERT INTO workstations (id, name, agency_id, cert_serial, cert_fingerprint, cert_expires_at, profile_id, profile_expires_at)
       VALUES ('ws-old1', 'Old', 'old-home', '01', '${'a'.repeat(64)}', now() + interval '1 year', gen_random_uuid(), now() + interval '30 days')`,
    );
    await db.query(`INSERT INTO records (id, form_id, form_version, agency_id, values, revision, seq, created_at, created_by, updated_at, updated_by)
       VALUES ('00000000-0000-4000-8000-000000000001', 'f', 1, 'old-home', '{}'::jsonb, 1, 1, now(), 'old.user', now(), 'old.user')`);
    await db.query(`INSERT INTO record_revisions (record_id, revision, change_id, values, sections, workstation_id, author, made_at, received_at, content_hash)
       VALUES ('00000000-0000-4000-8000-000000000001', 1, gen_random_uuid(), '{}'::jsonb, '[]'::jsonb, 'ws-old1', 'old.user', now(), now(), 'h')`);

    expect(await migrate(db, migrations.filter((migration) => migration.version <= 5))).toEqual([5]);
    await migrate(db);

    const user = await db.query<{ account_kdf: unknown; sign_pub: string | null; wrap_pub: string | null }>("SELECT account_kdf, sign_pub, wrap_pub FROM users WHERE username = 'old.user'");
    expect(user.rows[0]).toEqual({ account_kdf: null, sign_pub: null, wrap_pub: null });
    const revision = await db.query<{ pushed_by: string | null }>('SELECT pushed_by FROM record_revisions');
    expect(revision.rows[0]).toEqual({ pushed_by: null });
    const workstation = await db.query<{ install_id: string | null; install_seen_at: Date | null }>("SELECT install_id, install_seen_at FROM workstations WHERE id = 'ws-old1'");
    expect(workstation.rows[0]).toEqual({ install_id: null, install_seen_at: null });

    // Keys come whole or not at all.
    const pub = Buffer.alloc(32, 7).toString('base64');
    await expect(db.query(`UPDATE users SET sign_pub = $1 WHERE username = 'old.user'`, [pub])).rejects.toMatchObject({ code: '23514' }); // check_violation
    await db.query(`UPDATE users SET account_kdf = '{"algorithm":"scrypt"}'::jsonb, sign_pub = $1, wrap_pub = $1 WHERE username = 'old.user'`, [pub]);

    const token = 'b'.repeat(64);
    await db.query(
      `INSERT INTO operator_sessions (token_hash, workstation_id, username, credential_id, created_at, expires_at) VALUES ($1, 'ws-old1', 'old.user', $2, now(), now() + interval '12 hours')`,
      [token, 'c'.repeat(32)],
    );
    await expect(
      db.query(`INSERT INTO operator_sessions (token_hash, workstation_id, username, credential_id, created_at, expires_at) VALUES ($1, 'ws-old1', 'old.user', $2, now(), now() + interval '1 hour')`, [token, 'c'.repeat(32)]),
    ).rejects.toMatchObject({ code: '23505' }); // unique_violation
    await expect(
      db.query(`INSERT INTO operator_sessions (token_hash, workstation_id, username, credential_id, created_at, expires_at) VALUES ($1, 'ws-nope1', 'old.user', $2, now(), now() + interval '1 hour')`, ['d'.repeat(64), 'c'.repeat(32)]),
    ).rejects.toMatchObject({ code: '23503' }); // foreign_key_violation
    await db.query(`INSERT INTO used_proofs (proof_hash, kind, username, used_at) VALUES ($1, 'resume', 'old.user', now())`, ['e'.repeat(64)]);
    await expect(db.query(`INSERT INTO used_proofs (proof_hash, kind, username, used_at) VALUES ($1, 'resume', 'old.user', now())`, ['e'.repeat(64)])).rejects.toMatchObject({ code: '23505' });
    await expect(db.query(`UPDATE workstations SET install_id = 'short' WHERE id = 'ws-old1'`)).rejects.toMatchObject({ code: '23514' });
  });
});
