import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { SyncChange } from '../../../shared/sync/syncProtocol';
import { disableUser } from '../../../src-server/admin/users';
import { importHandover } from '../../../src-server/handover/importPackage';
import { seal } from '../../../src-server/handover/sealedFile';
import { pupilForm, pupilFormId, samplePupil } from '../../support/pupilSamples';
import { testAgency, testServerSetup, testWorkstation, type TestServerSetup } from '../../support/serverAdmin';
import { describeStorages } from '../../support/serverStorage';
import { tempDir } from '../../support/tempDir';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

/** A handover package carries no operator's session: the pusher is 'handover', and its authors meet the push's checks. */
describeStorages('handover import: who pushed, and whose changes are taken', (storage) => {
  let setup: TestServerSetup;
  const usb = tempDir('bala-usb-authors-');
  beforeAll(async () => {
    setup = testServerSetup(await storage.fresh());
  });
  afterAll(() => {
    setup.cleanup();
    usb.cleanup();
  });

  const { form } = pupilForm();
  const newPupil = (i: number, author: string): SyncChange => {
    const values = samplePupil(i);
    const sections: SyncChange['sections'] = {};
    for (const section of form.sections) sections[section.id] = Object.fromEntries(section.fields.filter((field) => field.id in values).map((field) => [field.id, values[field.id]]));
    return { changeId: crypto.randomUUID(), recordId: crypto.randomUUID(), formId: pupilFormId, formVersion: form.version, subjectId: null, baseRevision: 0, sections, author, at: new Date().toISOString(), reason: null, blobs: [] };
  };

  it('records pushed_by handover and refuses the changes of a disabled author or one of another workstation', async () => {
    const agencyId = (await testAgency(setup.admin)).id;
    const ws = await testWorkstation(setup, { url: 'https://unused.invalid' }, agencyId, ['ivan', 'jyldyz']);
    await testWorkstation(setup, { url: 'https://unused.invalid' }, agencyId, ['kairat']);
    await disableUser(setup.admin, { username: 'jyldyz', reason: 'left the agency' });
    const changes = [newPupil(1, 'ivan'), newPupil(2, 'jyldyz'), newPupil(3, 'kairat'), newPupil(4, 'nobody.here')];
    const packageId = crypto.randomUUID();
    const facts = { format: 'bala-handover' as const, version: 1 as const, packageId, workstationId: ws.id, sequence: 1, createdAt: new Date().toISOString(), counts: { changes: changes.length } };
    const bytes = seal(facts, { packageId, workstationId: ws.id, pendingCount: changes.length, changes }, { recipientCertPem: ws.body.server.certPem, signerKeyPem: ws.secret.clientKeyPem, signerCertPem: ws.secret.clientCertPem });
    const packageFile = path.join(usb.dir, 'package.balahandover');
    fs.writeFileSync(packageFile, bytes);

    const result = await importHandover(setup.admin, { packageFile, receiptFile: path.join(usb.dir, 'receipt.balareceipt') });
    expect(result).toMatchObject({ changes: 4, accepted: 1, rejected: 3 });
    const revisions = await setup.admin.db.query<{ author: string; pushed_by: string }>('SELECT author, pushed_by FROM record_revisions');
    expect(revisions.rows).toEqual([{ author: 'ivan', pushed_by: 'handover' }]);
    const refused = await setup.admin.db.query<{ actor: string; details: { code: string; pushedBy: string } }>("SELECT actor, details FROM audit_log WHERE action = 'sync.refused' ORDER BY id");
    expect(refused.rows.map((row) => [row.actor, row.details.code, row.details.pushedBy])).toEqual([
      ['jyldyz', 'AUTHOR_NOT_ALLOWED', 'handover'],
      ['kairat', 'AUTHOR_NOT_ALLOWED', 'handover'],
    ]);
    const audit = await setup.admin.db.query<{ details: { pushedBy: string; authors: string[] } }>("SELECT details FROM audit_log WHERE action = 'handover.import'");
    expect(audit.rows[0]?.details).toMatchObject({ pushedBy: 'handover', authors: ['ivan', 'jyldyz', 'kairat', 'nobody.here'] });
  });
});
