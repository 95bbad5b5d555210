import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import type { ServerLogger } from '../log/serverLogger';
import type { AdminContext } from './adminContext';
import { AdminError, adminErrorCodes } from './adminError';
import { adminVerbs, isAdminVerb, type AdminVerb, type AdminVerbResult } from './adminVerbs';

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

const requestSchema = z.object({ verb: z.string(), input: z.unknown(), actor: z.string().min(1).max(128) });
const answerSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.enum(adminErrorCodes), params: z.record(z.string(), z.string()), issues: z.array(z.unknown()) }),
  }),
]);

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
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (received.length > maxRequestBytes) socket.destroy();
      const end = received.indexOf('\n');
      if (end < 0) return;
      void answer(received.slice(0, end)).then((reply) => socket.end(`${JSON.stringify(reply)}\n`));
    });
    socket.on('error', () => undefined);
  });
  const answer = async (line: string): Promise<z.infer<typeof answerSchema>> => {
    try {
      const request = requestSchema.parse(JSON.parse(line));
      if (!isAdminVerb(request.verb)) throw new AdminError('INVALID_INPUT');
      const value: unknown = await adminVerbs[request.verb](contextFor(request.actor), request.input);
      log.info(`admin ${request.verb} by ${request.actor}: done`);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AdminError) return { ok: false, error: { code: error.code, params: error.params, issues: [...error.issues] } };
      log.error('admin channel request failed', error);
      return { ok: false, error: { code: 'INTERNAL', params: {}, issues: [] } };
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
        else reject(new AdminError(reply.error.code, reply.error.params, reply.error.issues as AdminError['issues']));
      } catch {
        reject(new AdminError('INTERNAL'));
      }
    });
  });
}
