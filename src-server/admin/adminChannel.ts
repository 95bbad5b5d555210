import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import type { ServerLogger } from '../log/serverLogger';
import type { AdminContext } from './adminContext';
import { AdminError, adminErrorCodes } from './adminError';
import { adminVerbs, isAdminVerb, type AdminVerb, type AdminVerbResult } from './adminVerbs';
import { BackupError, backupErrorCodes } from './backup';

/*
 * The embedded database belongs to the one process that opened it. While `serve` holds it, the
 * administration verbs reach it through this channel: a Unix socket inside the data folder,
 * readable by the server's own account only, one JSON request and answer per connection.
 * (PostgreSQL needs no channel: every process opens the database itself.)
 */

export const adminSocketName = 'admin.sock';
/** sockaddr_un holds about 107 bytes; a longer data folder path gets no channel. */
const maxSocketPath = 100;

export const adminSocketPath = (dataDir: string): string | null => {
  const file = path.join(dataDir, adminSocketName);
  return process.platform !== 'win32' && Buffer.byteLength(file) <= maxSocketPath ? file : null;
};

/*
 * The request and the answer cross as JSON, which has no `undefined`: a verb called without input
 * (`agency list`) sends no `input` key, and the server must take that as the direct call does.
 */
const requestSchema = z.object({ verb: z.string(), input: z.unknown().optional(), actor: z.string().min(1).max(128) });
const answerSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown().optional() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.enum(adminErrorCodes), params: z.record(z.string(), z.string()), issues: z.array(z.unknown()) }),
  }),
  // `backup` refuses with its own errors (BackupError), as the CLI reports them.
  z.object({ ok: z.literal(false), backupError: z.object({ code: z.enum(backupErrorCodes), params: z.record(z.string(), z.string()) }) }),
]);
type Answer = z.infer<typeof answerSchema>;

const internalAnswer: Answer = { ok: false, error: { code: 'INTERNAL', params: {}, issues: [] } };

const maxRequestBytes = 1024 * 1024;

export interface AdminChannel {
  close(): Promise<void>;
}

/** Opens the channel for a running server; answers null where the platform or path allows none. */
export function openAdminChannel(dataDir: string, contextFor: (actor: string) => AdminContext, log: ServerLogger): Promise<AdminChannel | null> {
  const file = adminSocketPath(dataDir);
  if (!file) return Promise.resolve(null);
  // Connecting to a Unix socket needs write permission on it and search permission on its folder:
  // the data folder is kept 0700 (init makes it so; older ones are closed here), so no other account
  // reaches the socket, even in the moment between listen() and chmod() while it has the umask's mode.
  const folder = fs.lstatSync(dataDir);
  if (!folder.isDirectory() || (process.getuid && folder.uid !== process.getuid())) return Promise.resolve(null);
  fs.chmodSync(dataDir, 0o700);
  fs.rmSync(file, { force: true }); // left by a server that died: this process holds the database lock now
  const server = net.createServer((socket) => {
    let received = '';
    let answered = false;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      if (answered) return;
      received += chunk;
      if (received.length > maxRequestBytes) {
        answered = true;
        socket.destroy();
        return;
      }
      const end = received.indexOf('\n');
      if (end < 0) return;
      answered = true;
      void answer(received.slice(0, end)).then((reply) => socket.end(`${reply}\n`));
    });
    socket.on('error', () => undefined);
  });
  /** The answer's JSON line: whatever goes wrong (a value JSON cannot carry too) is logged and answered INTERNAL. */
  const answer = async (line: string): Promise<string> => {
    let verb = '?';
    let actor = '?';
    try {
      const request = requestSchema.parse(JSON.parse(line));
      actor = request.actor.replace(/[\p{C}\s]/gu, '?'); // one log line, whatever the account's name holds
      if (!isAdminVerb(request.verb)) throw new AdminError('INVALID_INPUT');
      verb = request.verb;
      const value: unknown = await adminVerbs[request.verb](contextFor(request.actor), request.input);
      const reply = JSON.stringify({ ok: true, value } satisfies Answer);
      log.info(`admin ${verb} by ${actor}: done`);
      return reply;
    } catch (error) {
      if (error instanceof AdminError) return JSON.stringify({ ok: false, error: { code: error.code, params: error.params, issues: [...error.issues] } } satisfies Answer);
      if (error instanceof BackupError) return JSON.stringify({ ok: false, backupError: { code: error.code, params: error.params } } satisfies Answer);
      // The verb (one the server defines) and the calling account: the input is never logged.
      log.error(`admin channel: ${verb} by ${actor} failed`, error);
      return JSON.stringify(internalAnswer);
    }
  };
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(file, () => {
      fs.chmodSync(file, 0o600);
      resolve({
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            fs.rmSync(file, { force: true });
          }),
      });
    });
  });
}

/** Whether a server on this data folder offers the channel. */
export const adminChannelOffered = (dataDir: string): boolean => {
  const file = adminSocketPath(dataDir);
  return file !== null && fs.existsSync(file);
};

/** Runs one verb in the running server; its refusals come back as the same AdminError. */
export function callAdminChannel<V extends AdminVerb>(dataDir: string, verb: V, input: unknown, actor: string): Promise<AdminVerbResult<V>> {
  const file = adminSocketPath(dataDir);
  if (!file) return Promise.reject(new AdminError('STORAGE_BUSY', { pid: '?' }));
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(file);
    let received = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify({ verb, input, actor })}\n`));
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', () => reject(new AdminError('STORAGE_BUSY', { pid: '?' })));
    socket.on('end', () => {
      try {
        const reply = answerSchema.parse(JSON.parse(received));
        if (reply.ok) resolve(reply.value as AdminVerbResult<V>);
        else if ('backupError' in reply) reject(new BackupError(reply.backupError.code, reply.backupError.params));
        else reject(new AdminError(reply.error.code, reply.error.params, reply.error.issues as AdminError['issues']));
      } catch {
        reject(new AdminError('INTERNAL'));
      }
    });
  });
}
