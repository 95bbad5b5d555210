import type { BalaClient } from '../../shared/api/client';
import type { PackDef } from '../../shared/forms/packTypes';
import { createBackend, type Backend } from '../../src-main/backend';
import { inProcessClient } from '../../src-main/transport/inProcessClient';
import { issueWorkstation } from '../../src-server/admin/workstations';
import { addUser } from '../../src-server/admin/users';
import type { TestServerSetup } from './serverAdmin';
import { tempDir } from './tempDir';

export interface SyncWorkstation {
  backend: Backend;
  /** The typed client over the backend, as the UI and the CLI use it. */
  client: BalaClient;
  id: string;
  dataDir: string;
  close(): Promise<void>;
}

let userCounter = 0;

/**
 * (No test framework here: the benches use it too; a refusal throws with its code.)
 * An agency's workstation, activated from a profile the server issued and signed in (its
 * first password already changed), ready to sync with `serverUrl`.
 */
export async function signedInSyncWorkstation(
  setup: TestServerSetup,
  serverUrl: string,
  agencyId: string,
  options: {
    role?: string;
    username?: string;
    /** The workstation's packs (default: every pack Bala ships); the server must be given the same. */
    packs?: readonly PackDef[];
    /** A role of a test pack the registry does not know (addUser accepts only registry roles): written straight into `users`. */
    packRole?: string;
  } = {},
): Promise<SyncWorkstation & { username: string; password: string }> {
  userCounter += 1;
  const username = options.username ?? `op${userCounter}x${Date.now() % 100_000}`;
  const issuedPassword = await addUser(setup.admin, { username, agency: agencyId, role: options.role ?? 'data_holder', validDays: 30, displayName: `${username} Ош` });
  if (options.packRole) await setup.admin.db.query('UPDATE users SET role = $2 WHERE username = $1', [username, options.packRole]);
  const issued = await issueWorkstation(setup.admin, { agency: agencyId, users: [username], name: `Ош — ${username}`, serverUrl });
  const temp = tempDir('bala-sync-ws-');
  const backend = createBackend({ dataDir: temp.dir, mode: 'test', locales: ['en'], ...(options.packs ? { packs: options.packs } : {}) });
  const activated = await backend.call('activation.activate', {
    source: { kind: 'file', name: 'osh.balaprofile', contentBase64: issued.profile.toString('base64') },
    activationCode: issued.activationCode,
  });
  if (!activated.ok) throw new Error(`activation refused: ${activated.error.code}`);
  const signedIn = await backend.call('session.signIn', { username, password: issuedPassword.password });
  if (!signedIn.ok) throw new Error(`sign-in refused: ${signedIn.error.code}`);
  const password = `Osh-Registry-${userCounter}-2026`;
  const changed = await backend.call('session.changePassword', { currentPassword: issuedPassword.password, newPassword: password });
  if (!changed.ok) throw new Error(`password change refused: ${changed.error.code}`);
  return {
    backend,
    client: inProcessClient(backend),
    id: issued.workstation.id,
    dataDir: temp.dir,
    username,
    password,
    close: async () => {
      await backend.close();
      temp.cleanup();
    },
  };
}
