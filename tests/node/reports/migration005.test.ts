import crypto from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../src-main/store/cacheDatabase';
import { tempDir } from '../../support/tempDir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

describe('cache migration 005_report_facts', () => {
  it('gives records saved before it their counted values and this workstation as holder; long text stays out', () => {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    const file = path.join(temp.dir, 'cache.db');
    const key = crypto.randomBytes(32);
    const before = openCache(file, key, { create: true, upTo: 4 });
    before
      .prepare(
        "INSERT INTO workstation (id, name, agency_json, scope_json, server_url, tls_server_name, ca_cert_pem, client_key_pem, client_cert_pem, profile_id, profile_expires_at, activated_at) VALUES ('w', 'w', ?, '{}', 'u', 't', 'c', 'k', 'c', 'p', 'e', 'a')",
      )
      .run(JSON.stringify({ id: 'home-7', name: 'Home 7' }));
    const values = { sex: 'female', disability: true, hasParents: false, admittedOn: '2024-09-02', capacity: 12, name: { surname: 'Асанова', givenName: 'Айпери' }, note: 'x'.repeat(200) };
    before
      .prepare("INSERT INTO records (id, form_id, form_version, values_json, revision, created_at, created_by, updated_at, updated_by) VALUES ('r1', 'f', 1, ?, 1, 't', 'a', 't', 'a')")
      .run(JSON.stringify(values));
    before.close();

    const after = openCache(file, key, { upTo: 5 });
    expect(after.pragma('user_version', { simple: true })).toBe(5);
    const row = after.prepare("SELECT form_id, holder, json(facts) AS facts FROM record_facts WHERE record_id = 'r1'").get() as { form_id: string; holder: string; facts: string };
    expect(row.form_id).toBe('f');
    expect(row.holder).toBe('home-7');
    expect(JSON.parse(row.facts)).toEqual({ sex: 'female', disability: 1, hasParents: 0, admittedOn: '2024-09-02', capacity: 12 });
    // A report reads one form's facts as a range of the table's key, not a scan of every record.
    const plan = (after.prepare("EXPLAIN QUERY PLAN SELECT facts ->> '$.sex', count(*) FROM record_facts WHERE form_id = 'f' GROUP BY 1").all() as { detail: string }[]).map((entry) => entry.detail).join(' ');
    expect(plan).toMatch(/SEARCH record_facts USING PRIMARY KEY \(form_id=\?\)/);
    after.close();
  });
});
