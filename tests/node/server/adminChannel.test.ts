import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { adminChannelOffered, adminSocketPath, callAdminChannel, openAdminChannel, type AdminChannel } from '../../../src-server/admin/adminChannel';
import { AdminError } from '../../../src-server/admin/adminError';
import { silentServerLogger } from '../../../src-server/log/serverLogger';
import { testServerSetup, type TestServerSetup } from '../../support/serverAdmin';
import { describeStorages } from '../../support/serverStorage';

describeStorages('admin channel of a running server', (storage) => {
  let setup: TestServerSetup;
  let channel: AdminChannel | null;
  beforeAll(async () => {
    setup = testServerSetup(await storage.fresh());
    channel = await openAdminChannel(setup.dataDir, (actor) => ({ ...setup.admin, actor }), silentServerLogger);
  });
  afterAll(async () => {
    await channel?.close();
    setup.cleanup();
  });

  it('is a socket only the server’s account can use', () => {
    expect(channel).not.toBeNull();
    expect(adminChannelOffered(setup.dataDir)).toBe(true);
    expect(fs.statSync(adminSocketPath(setup.dataDir) ?? '').mode & 0o777).toBe(0o600);
  });

  it('runs verbs in the server, recording the calling administrator', async () => {
    const agency = await callAdminChannel(setup.dataDir, 'agency.add', { name: 'Чүй балдар үйү', kind: 'childrens_home', country: 'KG', territory: '41708', tin: '05678901234567' }, 'operator-anna');
    expect(agency).toMatchObject({ name: 'Чүй балдар үйү', country: 'KG' });
    const user = await callAdminChannel(setup.dataDir, 'user.add', { username: 'zarina', agency: agency.id, role: 'data_holder', validDays: 10 }, 'operator-anna');
    expect(user.password.length).toBeGreaterThan(10);
    const issued = await callAdminChannel(setup.dataDir, 'workstation.issue', { agency: agency.id, users: ['zarina'] }, 'operator-anna');
    expect(Buffer.from(issued.profileBase64, 'base64').toString('utf8')).toContain('bala-profile');
    const audit = await callAdminChannel(setup.dataDir, 'audit.read', { limit: 3 }, 'operator-anna');
    expect(audit.map((entry) => [entry.actor, entry.action])).toEqual([
      ['operator-anna', 'agency.add'],
      ['operator-anna', 'user.add'],
      ['operator-anna', 'workstation.issue'],
    ]);
  });

  it('brings refusals back as the same errors, with the fields at fault', async () => {
    const refused = await callAdminChannel(setup.dataDir, 'user.add', { username: 'x', agency: 'nowhere', role: 'data_holder', validDays: 0 }, 'anna').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AdminError);
    expect((refused as AdminError).code).toBe('INVALID_INPUT');
    expect((refused as AdminError).issues.map((issue) => issue.path.join('.')).sort()).toEqual(['username', 'validDays']);
    await expect(callAdminChannel(setup.dataDir, 'workstation.changeStatus', { id: 'ws-ffffffff', change: 'suspend', reason: 'test' }, 'anna')).rejects.toMatchObject({
      code: 'WORKSTATION_NOT_FOUND',
      params: { id: 'ws-ffffffff' },
    });
  });
});
