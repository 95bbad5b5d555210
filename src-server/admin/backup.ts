import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { dataLayout } from '../config/dataLayout';
import { serverConfigSchema, type ServerConfig } from '../config/serverConfig';
import { migrate } from '../db/migrate';
import { migrations as knownMigrations } from '../db/migrations';
import { openPgliteDatabase } from '../db/pgliteDatabase';
import { openPostgresDatabase } from '../db/postgresDatabase';
import type { Database, SqlRunner } from '../db/sql';
import { acquireStorageLock } from '../db/storageLock';
import type { AdminContext } from './adminContext';
import { parseInput } from './adminError';
import { appendAudit } from './auditLog';

/*
 * `bala-server backup` / `restore` (issue 12, docs/server.md "Backup and restore").
 *
 * The dump is logical and the same for both stores: inside one REPEATABLE READ, READ ONLY
 * transaction (a consistent snapshot while the server keeps working), every table of the schema
 * is read through a cursor as JSON rows, plus every sequence's value, the schema's migrations,
 * and the data folder's server.json and pki/ (so a restore gives a whole server). A backup of the
 * embedded database restores into PostgreSQL and back.
 *
 * The dump never exists in plaintext outside this process's memory, one chunk at a time: each
 * chunk of at most 1 MiB is sealed with AES-256-GCM under a random key the moment it is full,
 * and the key is wrapped with the administrator's RSA public key (RSA-OAEP, SHA-256). File:
 *
 *   "BALA-BACKUP-1\n" | u32 header length | header JSON | chunks…
 *   chunk = u32 ciphertext length | ciphertext | 16-byte GCM tag
 *
 * Nonce of chunk i = 7-byte random prefix | u32 i | 1 byte (1 on the last chunk, else 0); the
 * additional data of every chunk is the SHA-256 of magic + header. So an altered byte anywhere,
 * a reordered, dropped or added chunk, a cut-off end or bytes after the last chunk are refused,
 * and a restore reads the whole file once (authenticating everything) before it writes anything.
 */

const magic = Buffer.from('BALA-BACKUP-1\n', 'ascii');
const chunkSize = 1024 * 1024;
const tagLength = 16;
const maxHeader = 64 * 1024;

export const backupErrorCodes = ['KEY_UNREADABLE', 'KEY_LOCKED', 'WRONG_KEY', 'FILE_EXISTS', 'FILE_MISSING', 'NOT_A_BACKUP', 'TAMPERED', 'TRUNCATED', 'NOT_EMPTY', 'SCHEMA_TOO_NEW'] as const;
export type BackupErrorCode = (typeof backupErrorCodes)[number];

/** A refusal of backup or restore; each code has `server.cli.backupErr_<CODE>` in every language. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    readonly params: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'BackupError';
  }
}

const headerSchema = z.object({
  format: z.literal('bala-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  storage: z.enum(['pglite', 'postgres']),
  /** SHA-256 of the recipient's public key (DER SubjectPublicKeyInfo), hex. */
  recipient: z.string().regex(/^[0-9a-f]{64}$/),
  wrappedKey: z.string().min(1),
  noncePrefix: z.string().min(1),
});
type BackupHeader = z.infer<typeof headerSchema>;

/** The administrator's RSA public key (a public key, a certificate, or a private key's public half). */
export function backupPublicKey(pem: string): crypto.KeyObject {
  let key: crypto.KeyObject;
  try {
    key = pem.includes('BEGIN CERTIFICATE') ? new crypto.X509Certificate(pem).publicKey : crypto.createPublicKey(pem);
  } catch {
    throw new BackupError('KEY_UNREADABLE');
  }
  if (key.asymmetricKeyType !== 'rsa' || (key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) throw new BackupError('KEY_UNREADABLE');
  return key;
}

export const keyFingerprint = (key: crypto.KeyObject): string => crypto.createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex');

const nonceFor = (prefix: Buffer, index: number, last: boolean): Buffer => {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0, 0, 7);
  nonce.writeUInt32BE(index, 7);
  nonce[11] = last ? 1 : 0;
  return nonce;
};

/** Seals plaintext chunk by chunk into an open file. */
class SealedWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;
  bytes = 0;
  constructor(
    private readonly file: fs.promises.FileHandle,
    private readonly key: Buffer,
    private readonly prefix: Buffer,
    private readonly aad: Buffer,
  ) {}

  async write(text: string): Promise<void> {
    const data = Buffer.from(text, 'utf8');
    this.pending.push(data);
    this.pendingBytes += data.length;
    while (this.pendingBytes >= chunkSize) {
      const all = Buffer.concat(this.pending);
      await this.seal(all.subarray(0, chunkSize), false);
      const rest = Buffer.from(all.subarray(chunkSize));
      all.fill(0);
      this.pending = [rest];
      this.pendingBytes = rest.length;
    }
  }

  async finish(): Promise<void> {
    const all = Buffer.concat(this.pending);
    await this.seal(all, true);
    all.fill(0);
    this.pending = [];
    this.key.fill(0);
  }

  private async seal(plain: Buffer, last: boolean): Promise<void> {
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, nonceFor(this.prefix, this.index, last));
    cipher.setAAD(this.aad);
    const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
    const frame = Buffer.alloc(4);
    frame.writeUInt32BE(sealed.length);
    const out = Buffer.concat([frame, sealed, cipher.getAuthTag()]);
    await this.file.write(out);
    this.bytes += out.length;
    this.index += 1;
  }
}

// ── The dump ────────────────────────────────────────────────────────────────────────────────────

type DumpLine =
  | { kind: 'bala-dump'; version: 1; storage: string; createdAt: string; migrations: { version: number; name: string }[] }
  | { kind: 'file'; path: string; mode: number; text: string }
  | { kind: 'rows'; table: string; rows: unknown[] }
  | { kind: 'sequence'; name: string; value: number; isCalled: boolean }
  | { kind: 'end'; tables: number; rows: number };

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

async function schemaTables(db: SqlRunner): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
  );
  return rows.map((row) => row.name);
}

async function schemaSequences(db: SqlRunner): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'S' ORDER BY c.relname`,
  );
  return rows.map((row) => row.name);
}

/** Writes the dump of one consistent snapshot, line by line, to `emit`. */
async function dumpDatabase(db: Database, files: { path: string; mode: number; text: string }[], emit: (line: DumpLine) => Promise<void>): Promise<{ tables: number; rows: number }> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const applied = await tx.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    await emit({ kind: 'bala-dump', version: 1, storage: db.kind, createdAt: new Date().toISOString(), migrations: applied.rows });
    for (const file of files) await emit({ kind: 'file', ...file });
    let total = 0;
    const tables = (await schemaTables(tx)).filter((table) => table !== 'schema_migrations');
    for (const table of tables) {
      await tx.query(`DECLARE bala_dump NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ONLY ${ident(table)} t`);
      for (;;) {
        const { rows } = await tx.query<{ j: string }>('FETCH 500 FROM bala_dump');
        if (rows.length === 0) break;
        total += rows.length;
        await emit({ kind: 'rows', table, rows: rows.map((row) => JSON.parse(row.j) as unknown) });
      }
      await tx.query('CLOSE bala_dump');
    }
    for (const name of await schemaSequences(tx)) {
      const { rows } = await tx.query<{ value: number | string; is_called: boolean }>(`SELECT last_value AS value, is_called FROM ${ident(name)}`);
      const row = rows[0];
      if (row) await emit({ kind: 'sequence', name, value: Number(row.value), isCalled: row.is_called });
    }
    await emit({ kind: 'end', tables: tables.length, rows: total });
    return { tables: tables.length, rows: total };
  });
}

export const backupInput = z.object({
  /** Absolute path of the backup file; never overwritten. */
  out: z.string().min(1).refine((file) => path.isAbsolute(file)),
  publicKeyPem: z.string().min(1).max(64 * 1024),
});

export interface BackupResult {
  file: string;
  bytes: number;
  tables: number;
  rows: number;
  recipient: string;
}

/** The data folder's own files a restore needs: server.json and pki/ (private keys included, sealed like the rest). */
function serverFiles(ctx: AdminContext): { path: string; mode: number; text: string }[] {
  const server = ctx.server();
  const ca = ctx.ca();
  return [
    { path: 'server.json', mode: 0o600, text: `${JSON.stringify(ctx.config, null, 2)}\n` },
    { path: 'pki/ca.key.pem', mode: 0o600, text: ca.keyPem },
    { path: 'pki/ca.cert.pem', mode: 0o644, text: ca.certPem },
    { path: 'pki/server.key.pem', mode: 0o600, text: server.keyPem },
    { path: 'pki/server.cert.pem', mode: 0o644, text: server.certPem },
  ];
}

/** The `backup.create` verb: runs where the database is open (the CLI, or the server through its admin channel). */
export async function createBackup(ctx: AdminContext, input: unknown): Promise<BackupResult> {
  const request = parseInput(backupInput, input);
  const publicKey = backupPublicKey(request.publicKeyPem);
  const recipient = keyFingerprint(publicKey);
  const key = crypto.randomBytes(32);
  const prefix = crypto.randomBytes(7);
  const header: BackupHeader = {
    format: 'bala-backup',
    version: 1,
    createdAt: ctx.now().toISOString(),
    storage: ctx.db.kind,
    recipient,
    wrappedKey: crypto.publicEncrypt({ key: publicKey, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, key).toString('base64'),
    noncePrefix: prefix.toString('base64'),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const headerLength = Buffer.alloc(4);
  headerLength.writeUInt32BE(headerBytes.length);
  const aad = crypto.createHash('sha256').update(magic).update(headerBytes).digest();

  let file: fs.promises.FileHandle;
  try {
    file = await fs.promises.open(request.out, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new BackupError('FILE_EXISTS', { file: request.out });
    throw error;
  }
  try {
    await file.write(Buffer.concat([magic, headerLength, headerBytes]));
    const writer = new SealedWriter(file, key, prefix, aad);
    const counts = await dumpDatabase(ctx.db, serverFiles(ctx), (line) => writer.write(`${JSON.stringify(line)}\n`));
    await writer.finish();
    await file.sync();
    await file.close();
    const bytes = (await fs.promises.stat(request.out)).size;
    await appendAudit(ctx.db, { actor: ctx.actor, action: 'server.backup', target: null, details: { recipient, tables: counts.tables, rows: counts.rows, bytes } }, ctx.now());
    return { file: request.out, bytes, ...counts, recipient };
  } catch (error) {
    key.fill(0);
    await file.close().catch(() => undefined);
    fs.rmSync(request.out, { force: true }); // only ever ciphertext, but an incomplete backup must not look like one
    throw error;
  }
}

// ── Reading a backup ────────────────────────────────────────────────────────────────────────────

/** The administrator's private key, unlocked with BALA_BACKUP_KEY_PASSPHRASE when it is encrypted. */
export function backupPrivateKey(pem: string, passphrase: string | undefined): crypto.KeyObject {
  try {
    return crypto.createPrivateKey(passphrase ? { key: pem, passphrase } : pem);
  } catch (error) {
    const text = String((error as Error).message);
    if (/passphrase|decrypt|bad decrypt/i.test(text) || (error as { code?: string }).code === 'ERR_MISSING_PASSPHRASE') throw new BackupError('KEY_LOCKED');
    throw new BackupError('KEY_UNREADABLE');
  }
}

/** Reads exactly n bytes at the position, or fewer at the end of the file. */
async function readAt(file: fs.promises.FileHandle, position: number, n: number): Promise<Buffer> {
  const buffer = Buffer.alloc(n);
  let got = 0;
  while (got < n) {
    const { bytesRead } = await file.read(buffer, got, n - got, position + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return got === n ? buffer : buffer.subarray(0, got);
}

/** Opens a backup: checks its frame and unwraps its key; chunks() then yields authenticated plaintext. */
async function openBackup(fileName: string, privateKey: crypto.KeyObject) {
  if (!fs.existsSync(fileName)) throw new BackupError('FILE_MISSING', { file: fileName });
  const file = await fs.promises.open(fileName, 'r');
  try {
    const start = await readAt(file, 0, magic.length + 4);
    if (start.length < magic.length + 4 || !start.subarray(0, magic.length).equals(magic)) throw new BackupError('NOT_A_BACKUP');
    const headerLength = start.readUInt32BE(magic.length);
    if (headerLength > maxHeader) throw new BackupError('NOT_A_BACKUP');
    const headerBytes = await readAt(file, magic.length + 4, headerLength);
    if (headerBytes.length < headerLength) throw new BackupError('TRUNCATED');
    let header: BackupHeader;
    try {
      header = headerSchema.parse(JSON.parse(headerBytes.toString('utf8')));
    } catch {
      throw new BackupError('TAMPERED');
    }
    if (header.recipient !== keyFingerprint(crypto.createPublicKey(privateKey))) throw new BackupError('WRONG_KEY', { recipient: header.recipient });
    let key: Buffer;
    try {
      key = crypto.privateDecrypt({ key: privateKey, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(header.wrappedKey, 'base64'));
    } catch {
      throw new BackupError('TAMPERED');
    }
    if (key.length !== 32) throw new BackupError('TAMPERED');
    const prefix = Buffer.from(header.noncePrefix, 'base64');
    if (prefix.length !== 7) throw new BackupError('TAMPERED');
    const aad = crypto.createHash('sha256').update(magic).update(headerBytes).digest();
    const first = magic.length + 4 + headerLength;
    const size = (await file.stat()).size;

    async function* chunks(): AsyncGenerator<Buffer> {
      let position = first;
      for (let index = 0; ; index += 1) {
        const frame = await readAt(file, position, 4);
        if (frame.length < 4) throw new BackupError('TRUNCATED');
        const length = frame.readUInt32BE(0);
        if (length > chunkSize) throw new BackupError('TAMPERED');
        const body = await readAt(file, position + 4, length + tagLength);
        if (body.length < length + tagLength) throw new BackupError('TRUNCATED');
        position += 4 + length + tagLength;
        const last = position === size;
        const decipher = crypto.createDecipheriv('aes-256-gcm', key, nonceFor(prefix, index, last));
        decipher.setAAD(aad);
        decipher.setAuthTag(body.subarray(length));
        let plain: Buffer;
        try {
          plain = Buffer.concat([decipher.update(body.subarray(0, length)), decipher.final()]);
        } catch {
          // Any altered byte, a chunk moved, dropped or added, or the end not where the writer put it.
          throw new BackupError('TAMPERED');
        }
        yield plain;
        if (last) return;
      }
    }
    return { header, chunks, close: () => file.close() };
  } catch (error) {
    await file.close();
    throw error;
  }
}

/** The dump's lines, from authenticated chunks. */
async function* dumpLines(chunks: AsyncGenerator<Buffer>): AsyncGenerator<DumpLine> {
  let rest = '';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of chunks) {
    rest += decoder.decode(chunk, { stream: true });
    let end = rest.indexOf('\n');
    while (end >= 0) {
      yield JSON.parse(rest.slice(0, end)) as DumpLine;
      rest = rest.slice(end + 1);
      end = rest.indexOf('\n');
    }
  }
  rest += decoder.decode();
  if (rest.trim() !== '') throw new BackupError('TAMPERED');
}

/** Reads the whole backup once: every chunk authenticated, the dump complete. Writes nothing. */
async function checkBackup(fileName: string, privateKey: crypto.KeyObject): Promise<{ header: BackupHeader; migrations: { version: number; name: string }[]; tables: number; rows: number }> {
  const opened = await openBackup(fileName, privateKey);
  try {
    let migrations: { version: number; name: string }[] | null = null;
    let end: { tables: number; rows: number } | null = null;
    for await (const line of dumpLines(opened.chunks())) {
      if (line.kind === 'bala-dump') migrations = line.migrations;
      if (line.kind === 'end') end = line;
    }
    // Authenticated but incomplete can only be a backup whose writer died: GCM sealed its last chunk, so not this.
    if (!migrations || !end) throw new BackupError('TRUNCATED');
    return { header: opened.header, migrations, ...end };
  } finally {
    await opened.close();
  }
}

export interface RestoreOptions {
  from: string;
  privateKeyPem: string;
  passphrase?: string | undefined;
  dataDir: string;
  pgUrl?: string | undefined;
  /** Tests keep PostgreSQL tables in a schema of their own. */
  pgSchema?: string | undefined;
  actor: string;
  now: Date;
}

export interface RestoreResult {
  dataDir: string;
  storage: 'pglite' | 'postgres';
  createdAt: string;
  tables: number;
  rows: number;
}

async function emptySchema(db: SqlRunner): Promise<boolean> {
  return (await schemaTables(db)).length === 0;
}

/**
 * `bala-server restore`: into an empty data folder (and, with --pg, an empty database). Reads the
 * whole file once first: a tampered, truncated or foreign file is refused before anything is written.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const privateKey = backupPrivateKey(options.privateKeyPem, options.passphrase);
  const checked = await checkBackup(options.from, privateKey);
  const known = new Set(knownMigrations.map((migration) => migration.version));
  const newer = checked.migrations.find((migration) => !known.has(migration.version));
  if (newer) throw new BackupError('SCHEMA_TOO_NEW', { version: String(newer.version) });

  const layout = dataLayout(options.dataDir);
  if (fs.existsSync(options.dataDir) && fs.readdirSync(options.dataDir).length > 0) throw new BackupError('NOT_EMPTY', { target: options.dataDir });
  const createdFolder = !fs.existsSync(options.dataDir);
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(options.dataDir, 0o700);

  let release = () => undefined as void;
  let db: Database | null = null;
  try {
    if (options.pgUrl) {
      db = await openPostgresDatabase({ url: options.pgUrl, ...(options.pgSchema ? { schema: options.pgSchema } : {}) });
    } else {
      release = acquireStorageLock(layout.dbLock);
      db = await openPgliteDatabase(layout.db);
    }
    if (!(await emptySchema(db))) throw new BackupError('NOT_EMPTY', { target: options.pgUrl ? 'PostgreSQL' : layout.db });
    const versions = new Set(checked.migrations.map((migration) => migration.version));
    await migrate(db, knownMigrations.filter((migration) => versions.has(migration.version)));
    const storage = options.pgUrl ? 'postgres' : 'pglite';
    const opened = await openBackup(options.from, privateKey);
    try {
      await loadDump(db, dumpLines(opened.chunks()), options.dataDir, storage);
    } finally {
      await opened.close();
    }
    await appendAudit(db, { actor: options.actor, action: 'server.restore', target: null, details: { createdAt: checked.header.createdAt, from: checked.header.storage, tables: checked.tables, rows: checked.rows } }, options.now);
    return { dataDir: options.dataDir, storage, createdAt: checked.header.createdAt, tables: checked.tables, rows: checked.rows };
  } catch (error) {
    // Nothing half-restored stays behind in a folder this restore made.
    if (db) await db.close().catch(() => undefined);
    db = null;
    release();
    if (createdFolder) fs.rmSync(options.dataDir, { recursive: true, force: true });
    else for (const entry of fs.readdirSync(options.dataDir)) fs.rmSync(path.join(options.dataDir, entry), { recursive: true, force: true });
    throw error;
  } finally {
    if (db) await db.close();
    release();
  }
}

/** Loads the rows in one transaction, with foreign keys re-checked at the end and the chain trigger off. */
async function loadDump(db: Database, lines: AsyncGenerator<DumpLine>, dataDir: string, storage: 'pglite' | 'postgres'): Promise<void> {
  await db.transaction(async (tx) => {
    const tables = await schemaTables(tx);
    const foreignKeys = await tx.query<{ tbl: string; name: string; def: string }>(
      `SELECT c.relname AS tbl, k.conname AS name, pg_get_constraintdef(k.oid) AS def FROM pg_constraint k
         JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE k.contype = 'f' AND n.nspname = current_schema()`,
    );
    for (const fk of foreignKeys.rows) await tx.query(`ALTER TABLE ${ident(fk.tbl)} DROP CONSTRAINT ${ident(fk.name)}`);
    for (const table of tables) await tx.query(`ALTER TABLE ${ident(table)} DISABLE TRIGGER USER`);
    const columnsOf = new Map<string, string>();
    const insertable = async (table: string): Promise<string> => {
      const known = columnsOf.get(table);
      if (known) return known;
      const { rows } = await tx.query<{ name: string }>(
        `SELECT a.attname AS name FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = current_schema() AND c.relname = $1 AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum`,
        [table],
      );
      const list = rows.map((row) => ident(row.name)).join(', ');
      columnsOf.set(table, list);
      return list;
    };
    for await (const line of lines) {
      if (line.kind === 'file') writeServerFile(dataDir, line, storage);
      else if (line.kind === 'rows') {
        if (!tables.includes(line.table)) throw new BackupError('SCHEMA_TOO_NEW', { version: line.table });
        const columns = await insertable(line.table);
        await tx.query(
          `INSERT INTO ${ident(line.table)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM jsonb_populate_recordset(NULL::${ident(line.table)}, $1::jsonb)`,
          [JSON.stringify(line.rows)],
        );
      } else if (line.kind === 'sequence') {
        await tx.query('SELECT setval($1::regclass, $2, $3)', [ident(line.name), line.value, line.isCalled]);
      }
    }
    for (const table of tables) await tx.query(`ALTER TABLE ${ident(table)} ENABLE TRIGGER USER`);
    for (const fk of foreignKeys.rows) await tx.query(`ALTER TABLE ${ident(fk.tbl)} ADD CONSTRAINT ${ident(fk.name)} ${fk.def}`);
  });
}

const allowedFiles = new Set(['server.json', 'pki/ca.key.pem', 'pki/ca.cert.pem', 'pki/server.key.pem', 'pki/server.cert.pem']);

function writeServerFile(dataDir: string, line: { path: string; mode: number; text: string }, storage: 'pglite' | 'postgres'): void {
  if (!allowedFiles.has(line.path)) throw new BackupError('TAMPERED');
  let text = line.text;
  if (line.path === 'server.json') {
    // The restored server keeps its database where it was restored to.
    const config: ServerConfig = { ...serverConfigSchema.parse(JSON.parse(text)), storage };
    text = `${JSON.stringify(config, null, 2)}\n`;
  }
  const target = path.join(dataDir, line.path);
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const mode = line.path.endsWith('.key.pem') || line.path === 'server.json' ? 0o600 : 0o644;
  fs.writeFileSync(target, text, { mode, flag: 'wx' });
  fs.chmodSync(target, mode);
}
