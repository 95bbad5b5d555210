import crypto from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findForm } from '../../../shared/forms/packTypes';
import { registryPacks } from '../../../shared/packs';
import type { PulledRecord } from '../../../shared/sync/syncProtocol';
import { readerScope } from '../../../src-main/records/readerScope';
import { RecordStore } from '../../../src-main/records/recordStore';
import type { ServerConnection } from '../../../src-main/serverLink/serverClient';
import { openCache } from '../../../src-main/store/cacheDatabase';
import { pullChanges } from '../../../src-main/sync/pullChanges';
import { samplePupil } from '../../support/pupilSamples';
import { tempDir } from '../../support/tempDir';

/*
 * The pull as the server now answers it: by the session operator's reach. Each operator keeps
 * their own cursor; the bodies name no operator; each record's holder (territory, department)
 * lands in `agencies`, by which the reads of every operator are filtered.
 */

const requests: { route: string; body: unknown }[] = [];
/** What the "server" answers each operator's pull: the records of that operator's reach, after the cursor. */
const serverRecords = new Map<string, PulledRecord[]>();
let asking = '';

vi.mock('../../../src-main/serverLink/serverClient', () => ({
  // The answer goes through the route's schema, as the real client's does (defaults filled in).
  serverRequest: (_connection: unknown, _method: string, route: string, body: { cursor?: number; ids?: string[] }, schema: { parse: (value: unknown) => unknown }) => {
    requests.push({ route, body });
    if (route === '/v1/sync/blobs') return Promise.resolve({ kind: 'ok', value: schema.parse({ blobs: [] }) });
    const all = serverRecords.get(asking) ?? [];
    const records = all.filter((record) => record.revision > (body.cursor ?? 0));
    return Promise.resolve({ kind: 'ok', value: schema.parse({ records, cursor: Math.max(body.cursor ?? 0, ...records.map((record) => record.revision)), more: false }) });
  },
}));

const pupilForm = findForm(registryPacks, 'kg-residential.pupil')?.form ?? (() => { throw new Error('no pupil form'); })();
const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.splice(0).forEach((cleanup) => cleanup());
  requests.length = 0; // each test reads only its own requests, whichever ran before
});

const pulled = (i: number, revision: number, agency: PulledRecord['agency']): PulledRecord => ({
  id: crypto.randomUUID(),
  agency,
  formId: pupilForm.id,
  formVersion: pupilForm.version,
  subjectId: null,
  values: samplePupil(i),
  revision,
  createdAt: '2024-09-02T08:00:00Z',
  createdBy: 'x',
  updatedAt: '2024-09-02T08:00:00Z',
  updatedBy: 'x',
});

describe('pull per operator', () => {
  it('keeps a cursor per operator, sends no operator, records the holders; the data holder then reads only its own', async () => {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    const db = openCache(path.join(temp.dir, 'cache.db'), crypto.randomBytes(32), { create: true });
    cleanups.unshift(() => db.close());
    db.prepare(
      "INSERT INTO workstation (id, name, agency_json, scope_json, server_url, tls_server_name, ca_cert_pem, client_key_pem, client_cert_pem, profile_id, profile_expires_at, activated_at) VALUES ('ws-1', 'w', ?, '{}', 'u', 't', 'c', 'k', 'c', 'p', 'e', 'a')",
    ).run(JSON.stringify({ id: 'agency-1', name: 'Home A', kind: 'childrens_home', country: 'KG', territory: 'KG-C' }));
    const ownRecord = pulled(0, 10, { id: 'agency-1', name: 'Home A', territory: 'KG-C', department: 'education' });
    const otherRecord = pulled(1, 20, { id: 'home-other', name: 'Home elsewhere', territory: 'KG-O-ALA', department: 'social' });
    serverRecords.set('holder1', [ownRecord]);
    serverRecords.set('central', [ownRecord, otherRecord]);
    const connection = {} as ServerConnection;

    // The data holder pulls first (narrow, cursor 10), then the central reader: from 0, not from 10.
    asking = 'holder1';
    await pullChanges(db, connection, 'holder1', registryPacks, () => undefined);
    asking = 'central';
    const central = await pullChanges(db, connection, 'central', registryPacks, () => undefined);
    expect(central.received).toBe(1);
    const pulls = requests.filter((request) => request.route === '/v1/sync/pull');
    expect(pulls.map((request) => request.body)).toEqual([{ cursor: 0, limit: 200 }, { cursor: 0, limit: 200 }]);
    expect(requests.every((request) => !('operator' in (request.body as object)))).toBe(true);
    expect(db.prepare("SELECT key, value FROM sync_state WHERE key LIKE 'pullCursor%' ORDER BY key").all()).toEqual([
      { key: 'pullCursor:central', value: '20' },
      { key: 'pullCursor:holder1', value: '10' },
    ]);
    expect(db.prepare('SELECT id, name, territory, department FROM agencies ORDER BY id').all()).toEqual([
      { id: 'agency-1', name: 'Home A', territory: 'KG-C', department: 'education' },
      { id: 'home-other', name: 'Home elsewhere', territory: 'KG-O-ALA', department: 'social' },
    ]);

    // The cache holds both; each operator reads their reach.
    const list = (role: string) => RecordStore.forReader(db, readerScope(db, registryPacks, role)).list(pupilForm.id).map((record) => record.id).sort();
    expect(list('central_reader')).toEqual([ownRecord.id, otherRecord.id].sort());
    expect(list('data_holder')).toEqual([ownRecord.id]);
    expect(list('territorial_reader')).toEqual([ownRecord.id]);
  });

  it('fills in a holder an older server left unknown when the record is pulled again', async () => {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    const db = openCache(path.join(temp.dir, 'cache.db'), crypto.randomBytes(32), { create: true });
    cleanups.unshift(() => db.close());
    db.prepare(
      "INSERT INTO workstation (id, name, agency_json, scope_json, server_url, tls_server_name, ca_cert_pem, client_key_pem, client_cert_pem, profile_id, profile_expires_at, activated_at) VALUES ('ws-1', 'w', ?, '{}', 'u', 't', 'c', 'k', 'c', 'p', 'e', 'a')",
    ).run(JSON.stringify({ id: 'agency-1', name: 'Home A', kind: 'childrens_home', country: 'KG', territory: 'KG-C' }));
    const record = pulled(2, 5, undefined);
    asking = 'holder1';
    serverRecords.set('holder1', [record]);
    await pullChanges(db, {} as ServerConnection, 'holder1', registryPacks, () => undefined);
    const list = () => RecordStore.forReader(db, readerScope(db, registryPacks, 'data_holder')).list(pupilForm.id).map((found) => found.id);
    // Holder unknown: out of every reach but 'all' (refused, not guessed).
    expect(list()).toEqual([]);
    db.prepare("DELETE FROM sync_state WHERE key LIKE 'pullCursor%'").run();
    serverRecords.set('holder1', [{ ...record, agency: { id: 'agency-1', name: 'Home A', territory: 'KG-C' } }]);
    await pullChanges(db, {} as ServerConnection, 'holder1', registryPacks, () => undefined);
    expect(list()).toEqual([record.id]);
  });
});
