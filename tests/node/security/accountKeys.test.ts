import { expect, it } from 'vitest';
import * as main from '../../../src-main/security/accountKeys';
import * as server from '../../../src-server/security/accountKeys';
import { resumeMessage } from '../../../shared/serverApi/accountProofs';
import { newScryptParams } from '../../../src-main/security/scrypt';

it('the workstation and the server derive the same account keys, and each checks the other\'s signatures', async () => {
  const kdf = newScryptParams();
  const a = await main.deriveAccountKeys('Correct-Horse-42', kdf);
  const b = await server.deriveAccountKeys('Correct-Horse-42', kdf);
  expect(a.public).toEqual(b.public);
  expect(main.credentialIdOf(a.public)).toBe(server.credentialIdOf(b.public));
  const message = resumeMessage('ws-1', 'aigul', new Date().toISOString());
  expect(server.verifyMessage(a.public.signPub, message, main.signMessage(a.signKey, message))).toBe(true);
  expect(server.verifyMessage(a.public.signPub, `${message}x`, main.signMessage(a.signKey, message))).toBe(false);
  const other = await main.deriveAccountKeys('Correct-Horse-43', kdf);
  expect(other.public.wrapPub).not.toBe(a.public.wrapPub);
});
