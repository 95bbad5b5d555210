import { afterEach } from 'vitest';
import type { FormValues } from '../../../shared/forms/formTypes';
import { classifierMap, findForm } from '../../../shared/forms/packTypes';
import { registryPacks } from '../../../shared/packs';
import type { Language } from '../../../shared/i18n/languages';
import { createBackend, type Backend } from '../../../src-main/backend';
import { RecordStore } from '../../../src-main/records/recordStore';
import { inProcessClient } from '../../../src-main/transport/inProcessClient';
import { samplePupil } from '../../support/pupilSamples';
import { issueTestProfile } from '../../support/testProfile';
import { tempDir } from '../../support/tempDir';

export const pack = registryPacks[0] ?? (() => { throw new Error('no pack'); })();
const form = (id: string) => findForm(registryPacks, id)?.form ?? (() => { throw new Error(id); })();
export const forms = { institution: form('kg-residential.institution'), pupil: form('kg-residential.pupil'), discharge: form('kg-residential.discharge') };
const classifiers = classifierMap(pack);
const codes = (id: string) => (classifiers[id]?.entries ?? []).map((entry) => entry.code);

/** A small deterministic generator: the same data set on every run. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return { pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T, chance: (p: number) => next() < p, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

const pad = (n: number) => String(n).padStart(2, '0');
export interface SeededPupil {
  id: string;
  values: FormValues;
  holder: string;
  dischargedOn: string | null;
}
export interface Seeded {
  institutions: { id: string; values: FormValues }[];
  pupils: SeededPupil[];
}

/** Institutions and pupils of three institutions, with leavings before and within the period. */
export function seedRegistry(store: RecordStore, pupilCount: number, seed = 7): Seeded {
  const r = random(seed);
  const territories = codes('kg.territory');
  const institutions = Array.from({ length: 12 }, (_, i) => {
    const values: FormValues = {
      fullName: `Балдар үйү № ${i + 1}`,
      institutionType: r.pick(codes('kg-residential.institutionType')),
      ownershipForm: r.pick(codes('kg-residential.ownershipForm')),
      department: r.pick(codes('kg-residential.department')),
      plannedCapacity: r.int(20, 300),
      territory: r.pick(territories),
      street: 'Ленин көчөсү, 1',
      headName: { surname: 'Үсөнбаева', givenName: 'Гүлнара' },
      headPhone: '+996 312 123456',
      ...(r.chance(0.75) ? { accreditationCertificate: `АК-${i}`, accreditationValidUntil: r.pick(['2025-12-31', '2026-07-15', '2026-08-10', '2027-05-01', '2028-01-01']) } : {}),
    };
    return { id: store.create(forms.institution, values, 'seed').id, values };
  });
  const pupils: SeededPupil[] = [];
  for (let i = 0; i < pupilCount; i += 1) {
    const holder = r.pick(['agency-1', 'home-b', 'home-c']);
    const values = samplePupil(i, {
      sex: r.pick(['female', 'male']),
      birthDate: `${r.int(2005, 2025)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`,
      admittedOn: `${r.int(2018, 2026)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`,
      disability: r.chance(0.2),
      placementTerm: r.pick(codes('kg-residential.placementTerm')),
      legalStatus: r.pick(codes('kg-residential.legalStatus')),
      referringBody: r.pick(codes('kg-residential.referringBody')),
      placementReason: r.pick(codes('kg-residential.placementReason')),
      cameFrom: r.pick(territories),
    });
    const id = store.create(forms.pupil, values, 'seed', { holder }).id;
    let dischargedOn: string | null = null;
    if (r.chance(0.2)) {
      dischargedOn = `${r.int(2024, 2026)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
      store.create(forms.discharge, { dischargedOn, reason: 'returnedToFamily' }, 'seed', { subjectId: id, holder });
    }
    pupils.push({ id, values, holder, dischargedOn });
  }
  return { institutions, pupils };
}

const backends: Backend[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const backend of backends.splice(0)) await backend.close();
  cleanups.splice(0).forEach((cleanup) => cleanup());
});

/** A workstation signed in with the given Pack 1 role, its cache seeded through the record store. */
export async function seededWorkstation(role: string, pupilCount = 160, language: Language = 'en') {
  const temp = tempDir('bala-reports-');
  cleanups.push(temp.cleanup);
  const profile = await issueTestProfile({ operators: [{ username: 'op', password: 'Generated-Pass-1', displayName: 'Нурлан Токтосунов', role, mustChangePassword: false }] });
  const backend = createBackend({ dataDir: temp.dir, mode: 'test', locales: [language] });
  backends.push(backend);
  await backend.call('activation.activate', { source: { kind: 'file', name: 'p.balaprofile', contentBase64: profile.file.toString('base64') }, activationCode: profile.code });
  const signedIn = await backend.call('session.signIn', { username: 'op', password: 'Generated-Pass-1' });
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  const db = backend.ctx.session.database();
  const seeded = db.transaction(() => seedRegistry(new RecordStore(db), pupilCount))();
  return { backend, client: inProcessClient(backend), db, seeded, dir: temp.dir };
}
