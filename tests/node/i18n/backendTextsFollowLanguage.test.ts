import { afterEach, describe, expect, it } from 'vitest';
import { catalogues } from '../../../shared/i18n/catalogues';
import { createBackend, type Backend } from '../../../src-main/backend';
import { inProcessClient } from '../../../src-main/transport/inProcessClient';
import { issueTestProfile } from '../../support/testProfile';
import { tempDir } from '../../support/tempDir';

const backends: Backend[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const backend of backends.splice(0)) await backend.close();
  cleanups.splice(0).forEach((cleanup) => cleanup());
});

describe('texts the backend keeps are worded when asked for, in the language in force then', () => {
  it('the sync problem follows a change of language made after it happened', async () => {
    const temp = tempDir('bala-lang-');
    cleanups.push(temp.cleanup);
    // The profile's server (127.0.0.1:9) does not answer: sync stops with SERVER_UNREACHABLE.
    const profile = await issueTestProfile({ operators: [{ username: 'op', password: 'Generated-Pass-1', role: 'data_holder', mustChangePassword: false }] });
    const backend = createBackend({ dataDir: temp.dir, mode: 'test', locales: ['ky'] });
    backends.push(backend);
    const activated = await backend.call('activation.activate', { source: { kind: 'file', name: 'p.balaprofile', contentBase64: profile.file.toString('base64') }, activationCode: profile.code });
    if (!activated.ok) throw new Error(`${activated.error.code}: ${activated.error.message}`);
    const signedIn = await backend.call('session.signIn', { username: 'op', password: 'Generated-Pass-1' });
    if (!signedIn.ok) throw new Error(signedIn.error.message);

    const client = inProcessClient(backend);
    const failed = await client.call('sync.now');
    if (!failed.ok) throw new Error(failed.error.message);
    expect(failed.value.problem).toEqual({ code: 'SERVER_UNREACHABLE', message: catalogues.ky.errors.SERVER_UNREACHABLE });

    for (const language of ['ru', 'en'] as const) {
      await backend.call('settings.update', { language });
      const status = await client.call('sync.status');
      if (!status.ok) throw new Error(status.error.message);
      expect(status.value.problem).toEqual({ code: 'SERVER_UNREACHABLE', message: catalogues[language].errors.SERVER_UNREACHABLE });
    }
  });
});
