import type { FormDef, FormValues } from '../../shared/forms/formTypes';
import { classifierMap, findForm, type PackDef } from '../../shared/forms/packTypes';
import { registryPacks } from '../../shared/packs';

export const pupilFormId = 'kg-residential.pupil';

export function pupilForm(packs: readonly PackDef[] = registryPacks): { pack: PackDef; form: FormDef } {
  const found = findForm(packs, pupilFormId);
  if (!found) throw new Error('Pack 1 pupil card missing');
  return found;
}

const surnames = ['Асанова', 'Бекова', 'Осмонова', 'Токтогулова', 'Жумабекова', 'Алиева', 'Сейитова', 'Мамытова', 'Усенбаева', 'Кадырова'];
const givenNames = ['Айпери', 'Нурай', 'Бакыт', 'Айгүл', 'Эрлан', 'Мирлан', 'Жылдыз', 'Азамат', 'Салтанат', 'Бектур'];
const syllables = ['ай', 'бек', 'кул', 'нур', 'сай', 'тал', 'жан', 'бол', 'мир', 'ту'];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const stem = (i: number) => `${syllables[i % 10] ?? ''}${syllables[Math.floor(i / 10) % 10] ?? ''}${syllables[Math.floor(i / 100) % 10] ?? ''}${syllables[Math.floor(i / 1000) % 10] ?? ''}`;

let requiredDefaults: FormValues | null = null;

/** The first fitting code of each required choice, so every sample passes the form's validator. */
function defaults(): FormValues {
  if (requiredDefaults) return requiredDefaults;
  const { pack, form } = pupilForm();
  const classifiers = classifierMap(pack);
  const fixed: FormValues = {};
  for (const field of form.sections.flatMap((section) => section.fields)) {
    if (!field.required) continue;
    if (field.kind === 'yesNo') fixed[field.id] = false;
    if (field.kind === 'choice' || field.kind === 'territory') {
      const level = field.kind === 'territory' ? field.level : undefined;
      const entry = classifiers[field.classifier]?.entries.find((candidate) => !level || candidate.kind === level);
      if (entry) fixed[field.id] = entry.code;
    }
  }
  requiredDefaults = fixed;
  return fixed;
}

/** A valid Pack 1 pupil card for number `i`: distinct name and PIN, consistent birth date and sex. */
export function samplePupil(i: number, overrides: FormValues = {}): FormValues {
  const female = i % 2 === 0;
  const day = 1 + (i % 28);
  const month = 1 + (Math.floor(i / 28) % 12);
  const year = 2008 + (i % 15);
  return {
    ...defaults(),
    name: { surname: `${surnames[i % 10] ?? ''}-${stem(i % 10_000)}`, givenName: givenNames[(i >> 3) % 10] ?? '' },
    sex: female ? 'female' : 'male',
    birthDate: `${year}-${pad(month)}-${pad(day)}`,
    pin: `${female ? 1 : 2}${pad(day)}${pad(month)}${year}${pad(i % 100_000, 5)}`,
    admittedOn: '2024-09-02',
    ...overrides,
  };
}
