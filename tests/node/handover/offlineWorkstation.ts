import type { BalaClient } from '../../../shared/api/client';
import { createBackend, type Backend } from '../../../src-main/backend';
import { handoverKeys, type HandoverKeys } from '../../../src-main/handover/handoverKeys';
import { inProcessClient } from '../../../src-main/transport/inProcessClient';
import { addUser } from '../../../src-server/admin/users';
import { issueWorkstation } from '../../../src-server/admin/workstations';
import type { TestServerSetup } from '../../support/serverAdmin';
import { pupilFormId, samplePupil } from '../../support/pupilSamples';
import { tempDir } from '../../support/tempDir';

/** Nothing listens here: every attempt to reach the server fails at once, as on a closed network. */
export const unreachableServerUrl = 'https://127.0.0.1:9';

export interface OfflineWorkstation {
  id: string;
  backend: Backend;
  client: BalaClient;
  keys: () => HandoverKeys;
  createPupils(from: number, count: number): Promise<string[]>;
  close(): Promise<void>;
}

let counter = 0;

/**
 * A workstation activated from a profile the server issued, that never reaches the server: its
 * operator signs in offline (against the profile's verifiers) and changes the issued password
 * offline, then enters pupils.
 */
export async function offlineWorkstation(setup: TestServerSetup, agencyId: string): Promise<OfflineWorkstation> {
  counter += 1;
  const username = `hv${counter}x${Date.now() % 100_000}`;
  const issuedPassword = await addUser(setup.admin, { username, agency: agencyId, role: 'data_holder', validDays: 30, displayName: `${username} Нарын` });
  const issued = await issueWorkstation(setup.admin, { agency: agencyId, users: [username], name: `Нарын — ${username}`, serverUrl: unreachableServerUrl });
  const temp = tempDir('bala-handover-ws-');
  const backend = createBackend({ dataDir: temp.dir, mode: 'test', locales: ['en'] });
  const client = inProcessClient(backend);
  const must = async <T>(answer: Promise<{ ok: true; value: T } | { ok: false; error: { code: string } }>, what: string): Promise<T> => {
    const result = await answer;
    if (!result.ok) throw new Error(`${what} refused: ${result.error.code}`);
    return result.value;
  };
  await must(client.call('activation.activate', { source: { kind: 'file', name: 'naryn.balaprofile', contentBase64: issued.profile.toString('base64') }, activationCode: issued.activationCode }), 'activation');
  await must(client.call('session.signIn', { username, password: issuedPassword.password }), 'sign-in');
  await must(client.call('session.changePassword', { currentPassword: issuedPassword.password, newPassword: `Naryn-Registry-${counter}-2026` }), 'password change');
  return {
    id: issued.workstation.id,
    backend,
    client,
    keys: () => handoverKeys(backend.ctx.session.work('read').db),
    createPupils: async (from, count) => {
      const ids: string[] = [];
      for (let i = from; i < from + count; i += 1) ids.push((await must(client.call('records.create', { formId: pupilFormId, values: samplePupil(i) }), 'records.create')).id);
      return ids;
    },
    close: async () => {
      await backend.close();
      temp.cleanup();
    },
  };
}
