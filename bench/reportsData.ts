import type { Classifier } from '../shared/forms/classifier';
import type { FormValues } from '../shared/forms/formTypes';
import { classifierMap } from '../shared/forms/packTypes';
import { registryPacks } from '../shared/packs';

/*
 * The reports bench's registry: BALA_BENCH_PUPILS pupils (default 200k) in
 * BALA_BENCH_INSTITUTIONS institutions (default 400), every value a function of its number,
 * so the baseline can write the same cells without reading them from the cache.
 */
export const pupilCount = Number(process.env.BALA_BENCH_PUPILS ?? 200_000);
export const institutionCount = Number(process.env.BALA_BENCH_INSTITUTIONS ?? 400);

export const pack = registryPacks.find((candidate) => candidate.reports) ?? (() => { throw new Error('no pack with reports'); })();
const classifiers = classifierMap(pack);
const codes = (id: string) => (classifiers[id]?.entries ?? []).map((entry) => entry.code);
const territory = codes('kg.territory');
const lists = {
  type: codes('kg-residential.institutionType'),
  ownership: codes('kg-residential.ownershipForm'),
  department: codes('kg-residential.department'),
  term: codes('kg-residential.placementTerm'),
  status: codes('kg-residential.legalStatus'),
  body: codes('kg-residential.referringBody'),
  reason: codes('kg-residential.placementReason'),
  payment: codes('kg-residential.socialPayment'),
};
const at = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
const pad = (n: number) => String(n).padStart(2, '0');
const syllables = ['ай', 'бек', 'кул', 'нур', 'сай', 'тал', 'жан', 'бол', 'мир', 'ту'];
const surnames = ['Асанова', 'Бекова', 'Осмонова', 'Токтогулова', 'Жумабекова', 'Алиева', 'Сейитова', 'Мамытова', 'Усенбаева', 'Кадырова'];

export const holderOf = (i: number) => `inst-${String(i % institutionCount).padStart(4, '0')}`;

export function institutionValues(i: number): FormValues {
  return {
    fullName: `Балдар үйү № ${i + 1}`,
    institutionType: at(lists.type, i),
    ownershipForm: at(lists.ownership, i * 7),
    department: at(lists.department, i * 3),
    plannedCapacity: 50 + (i % 400),
    territory: at(territory, i * 13),
    street: 'Ленин көчөсү, 1',
    headName: { surname: 'Үсөнбаева', givenName: 'Гүлнара' },
    headPhone: '+996 312 123456',
    ...(i % 4 === 0 ? {} : { accreditationCertificate: `АК-${i}`, accreditationValidUntil: `${2025 + (i % 4)}-${pad(1 + (i % 12))}-15` }),
  };
}

export function pupilValues(i: number): FormValues {
  const female = i % 2 === 0;
  const day = 1 + (i % 28);
  const month = 1 + (Math.floor(i / 28) % 12);
  const year = 2006 + (i % 19);
  return {
    name: { surname: `${at(surnames, i)}-${at(syllables, i)}${at(syllables, Math.floor(i / 10))}${at(syllables, Math.floor(i / 100))}`, givenName: at(['Айпери', 'Нурай', 'Бакыт', 'Айгүл', 'Эрлан'], i >> 3) },
    sex: female ? 'female' : 'male',
    birthDate: `${year}-${pad(month)}-${pad(day)}`,
    pin: `${female ? 1 : 2}${pad(day)}${pad(month)}${year}${String(i % 100_000).padStart(5, '0')}`,
    admittedOn: `${Math.min(2026, year + 1 + (i % 6))}-${pad(1 + (i % 11))}-${pad(1 + (i % 27))}`,
    cameFrom: at(territory, i * 31),
    hasParents: i % 3 === 0,
    hasRelatives: i % 5 !== 0,
    disability: i % 9 === 0,
    ...(i % 9 === 0 ? { disabilityGroup: 'childUnder18' } : {}),
    socialPayment: at(lists.payment, i),
    placementTerm: at(lists.term, i * 5),
    legalStatus: at(lists.status, i * 11),
    referringBody: at(lists.body, i * 17),
    placementReason: at(lists.reason, i * 19),
  };
}

export const territoryList = classifiers['kg.territory'] as Classifier;
