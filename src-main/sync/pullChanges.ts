import crypto from 'node:crypto';
import { photoRefs } from '../../shared/sync/photoRefs';
import type { FormValues } from '../../shared/forms/formTypes';
import { findForm, type PackDef } from '../../shared/forms/packTypes';
import { blobResultSchema, pullResultSchema, syncRoutes, type PulledRecord } from '../../shared/sync/syncProtocol';
import { CaseStore } from '../cases/caseStore';
import { RecordStore } from '../records/recordStore';
import { serverRequest, type ServerConnection } from '../serverLink/serverClient';
import type { CacheDatabase } from '../store/cacheDatabase';
import { Outbox } from './outbox';
import { SyncStop } from './syncStop';

const pageSize = 200;

/**
 * The server answers each pull by the session operator's reach, so each operator keeps their own
 * cursor: a data holder's narrow pull never makes a central reader skip records.
 */
export const pullCursorKey = (operator: string) => `pullCursor:${operator}`;

/** Photos the page names that this cache lacks, fetched before the page is stored. */
async function missingPhotos(db: CacheDatabase, connection: ServerConnection, records: readonly PulledRecord[]): Promise<{ id: string; mimeType: string; data: Buffer }[]> {
  const have = db.prepare('SELECT 1 FROM blobs WHERE id = ?');
  const wanted = [...new Set(records.flatMap((record) => [...photoRefs(record.values)]))].filter((id) => !have.get(id));
  const fetched: { id: string; mimeType: string; data: Buffer }[] = [];
  for (let start = 0; start < wanted.length; start += 20) {
    const answer = await serverRequest(connection, 'POST', syncRoutes.blobs, { ids: wanted.slice(start, start + 20) }, blobResultSchema, 60_000);
    if (answer.kind !== 'ok') throw new SyncStop(answer);
    for (const blob of answer.value.blobs) {
      const data = Buffer.from(blob.dataBase64, 'base64');
      if (crypto.createHash('sha256').update(data).digest('hex') === blob.sha256) fetched.push({ id: blob.id, mimeType: blob.mimeType, data });
    }
  }
  return fetched;
}

/**
 * Receives what changed within the signed-in operator's reach since their cursor, page by page.
 * Each page, its photos and the new cursor are stored in one transaction: a cut connection
 * resumes there. The server takes the operator from the session (never from the body);
 * `operator` here only names the cursor. Each record's holder — name, territory, department — is
 * kept in `agencies`, by which every operator's reads are filtered (src-main/records/readerScope).
 */
export async function pullChanges(
  db: CacheDatabase,
  connection: ServerConnection,
  operator: string,
  packs: readonly PackDef[],
  onProgress: (received: number) => void,
): Promise<{ received: number }> {
  const store = new RecordStore(db);
  const outbox = new Outbox(db);
  let received = 0;
  const cursorKey = pullCursorKey(operator);
  const readCursor = db.prepare('SELECT value FROM sync_state WHERE key = ?');
  const writeCursor = db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const keepAgency = db.prepare(
    `INSERT INTO agencies (id, name, territory, department) VALUES (@id, @name, @territory, @department)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name,
       territory = CASE WHEN @territoryKnown THEN excluded.territory ELSE agencies.territory END,
       department = CASE WHEN @departmentKnown THEN excluded.department ELSE agencies.department END`,
  );
  for (;;) {
    const cursor = Number((readCursor.get(cursorKey) as { value: string } | undefined)?.value ?? '0');
    const answer = await serverRequest(connection, 'POST', syncRoutes.pull, { cursor, limit: pageSize }, pullResultSchema, 120_000);
    if (answer.kind !== 'ok') throw new SyncStop(answer);
    const page = answer.value;
    const photos = await missingPhotos(db, connection, page.records);
    db.transaction(() => {
      const insertBlob = db.prepare(
        'INSERT OR IGNORE INTO blobs (id, mime_type, bytes, sha256, data, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      const now = new Date().toISOString();
      for (const photo of photos) {
        insertBlob.run(photo.id, photo.mimeType, photo.data.length, crypto.createHash('sha256').update(photo.data).digest('hex'), photo.data, now, 'server');
      }
      for (const record of page.records) {
        const found = findForm(packs, record.formId);
        if (!found) continue; // a form of a pack this workstation does not have
        if (record.subjectId && !store.get(record.subjectId)) continue; // its subject is outside this scope
        if (record.agency) {
          const { id, name, territory, department } = record.agency;
          keepAgency.run({ id, name, territory: territory ?? null, department: department ?? null, territoryKnown: territory !== undefined ? 1 : 0, departmentKnown: department !== undefined ? 1 : 0 });
        }
        if (store.receive(found.form, { ...record, values: record.values as FormValues }, outbox.unsentSections(record.id), record.agency?.id ?? '')) received += 1;
      }
      // Case events of the page (union by id): those made here are already in the log.
      const cases = new CaseStore(db);
      for (const pulled of page.caseEvents) cases.receive(pulled.recordId, pulled.event, now);
      if (page.reader) keepAgency.run({ ...page.reader, territoryKnown: 1, departmentKnown: 1 });
      writeCursor.run(cursorKey, String(page.cursor));
    })();
    onProgress(received);
    if (!page.more) break;
  }
  return { received };
}
