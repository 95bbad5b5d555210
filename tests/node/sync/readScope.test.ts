import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { kgResidentialRoles as roles } from '../../../shared/packs/kg-residential/roles';
import { holderNames } from '../../../src-main/reports/reportRun';
import { addAgency } from '../../../src-server/admin/agencies';
import { pupilFormId, samplePupil } from '../../support/pupilSamples';
import { testServerSetup, type TestServerSetup } from '../../support/serverAdmin';
import { startTestHttpServer, type TestHttpServer } from '../../support/serverHttp';
import { describeStorages } from '../../support/serverStorage';
import { signedInSyncWorkstation, type SyncWorkstation } from '../../support/syncWorkstation';

const tinyPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/**
 * Pack 1 §5: a territorial department reads its district's institutions, a ministry's
 * departmental level its own institutions, the central level everything; a data holder only its
 * institution. Checked on what each workstation actually receives from the server.
 */
describeStorages('what each reader role receives', (storage) => {
  let setup: TestServerSetup;
  let server: TestHttpServer;
  const open: SyncWorkstation[] = [];
  let tin = 0;
  const agency = async (name: string, territory: string, department?: string) =>
    (await addAgency(setup.admin, { name, kind: 'childrens_home', country: 'KG', territory, tin: `0${String(Date.now() % 1e9).padStart(9, '0')}${String((tin += 1)).padStart(4, '0')}`, ...(department ? { department } : {}) })).id;
  const workstation = async (agencyId: string, role?: string) => {
    const made = await signedInSyncWorkstation(setup, server.url, agencyId, role ? { role } : {});
    open.push(made);
    return made;
  };
  /** The pupils' PINs a workstation holds after a sync. */
  const receivedPins = async (ws: SyncWorkstation) => {
    expect(await ws.client.call('sync.now', undefined)).toMatchObject({ ok: true, value: { state: 'idle' } });
    const listed = await ws.client.call('records.list', { formId: pupilFormId, limit: 500 });
    if (!listed.ok) throw new Error(listed.error.message);
    const pins: string[] = [];
    for (const summary of listed.value) {
      const record = await ws.client.call('records.get', { id: summary.id });
      const pin = record.ok ? record.value.values.pin : null;
      if (typeof pin === 'string') pins.push(pin);
    }
    return pins.sort();
  };

  beforeAll(async () => {
    setup = testServerSetup(await storage.fresh());
    server = await startTestHttpServer(setup.admin.db, setup.pki);
  });
  afterEach(async () => {
    for (const ws of open.splice(0)) await ws.close();
  });
  afterAll(async () => {
    await server.close();
    setup.cleanup();
  });

  it('gives each reader its district, its department, or the republic — and a data holder its own institution', async () => {
    // Two institutions in the Chüy region's district 41708 (education, health), one in Bishkek 41711 (health).
    const chuyEducation = await agency('Сокулук балдар үйү', '41708', 'education');
    const chuyHealth = await agency('Сокулук бөбөктөр үйү', '41708206', 'health');
    const bishkekHealth = await agency('Бишкек бөбөктөр үйү', '41711', 'health');
    const pins: string[] = [];
    for (const [i, holderAgency] of [chuyEducation, chuyHealth, bishkekHealth].entries()) {
      const holder = await workstation(holderAgency);
      const photo = await holder.client.call('photos.put', { mimeType: 'image/png', contentBase64: tinyPng.toString('base64') });
      if (!photo.ok) throw new Error('photo');
      const created = await holder.client.call('records.create', { formId: pupilFormId, values: samplePupil(700 + i, { photo: photo.value }) });
      if (!created.ok) throw new Error(created.error.message);
      pins.push(samplePupil(700 + i).pin as string);
      expect(await holder.client.call('sync.now', undefined)).toMatchObject({ ok: true, value: { pending: 0 } });
    }
    const [educationPin, chuyHealthPin, bishkekHealthPin] = pins;

    const district = await workstation(await agency('Сокулук районунун балдарды коргоо бөлүмү', '41708'), roles.territorialReader);
    expect(await receivedPins(district)).toEqual([educationPin, chuyHealthPin].sort());

    const ministry = await workstation(await agency('Саламаттык сактоо министрлиги', '417', 'health'), roles.departmentReader);
    const ministryPins = await receivedPins(ministry);
    expect(ministryPins).toEqual([chuyHealthPin, bishkekHealthPin].sort());
    // Its pupils' photos come with them; none of another department's.
    const photos = ministry.backend.ctx.session.work('read').db.prepare('SELECT count(*) AS n FROM blobs').get() as { n: number };
    expect(photos.n).toBe(2);

    const central = await workstation(await agency('Балдарды коргоо боюнча ыйгарым укуктуу орган', '417'), roles.centralReader);
    expect(await receivedPins(central)).toEqual([...pins].sort());
    // Statistics count children per institution: each pulled pupil keeps its holder, named.
    const { db } = central.backend.ctx.session.work('read');
    const holders = (db.prepare("SELECT holder FROM record_facts WHERE form_id = ? ORDER BY holder").all(pupilFormId) as { holder: string }[]).map((row) => row.holder);
    expect(holders).toEqual([chuyEducation, chuyHealth, bishkekHealth].sort());
    expect(holderNames(db).get(bishkekHealth)).toBe('Бишкек бөбөктөр үйү');

    const holder = await workstation(chuyEducation);
    expect(await receivedPins(holder)).toEqual([educationPin]);
  }, 120_000);
});
