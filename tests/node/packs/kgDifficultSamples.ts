import type { FormValues } from '../../../shared/forms/formTypes';
import type { Actor } from '../../../shared/workflows/workflowTypes';
import { kgDifficultRoles as r } from '../../../shared/packs/kg-difficult/roles';

/**
 * A filled record of every Pack 2 form (made-up people). The child was found on Friday 20 February
 * 2026; Monday 23 February is Defender of the Fatherland Day in the Kyrgyz calendar.
 */
export const kgdSamples: Record<string, FormValues> = {
  'kg-difficult.child': {
    name: { surname: 'Асанова', givenName: 'Айгерим', patronymic: 'Бакытовна' },
    sex: 'female',
    birthDate: '2014-05-12',
    pin: '11205201400123',
    foundOn: '2026-02-20',
    foundTerritory: 'KG-C-ALA',
    foundAddress: 'Автобекет, Аламүдүн айылы',
    source: 'police',
    residenceTerritory: 'KG-GB',
    residenceAddress: 'Бишкек ш., Ахунбаев көч., 1',
    hasParents: true,
    hasRelatives: true,
    migrantParents: true,
    relatives: [{ relation: 'grandmother', name: { surname: 'Асанова', givenName: 'Гүлнара' }, contact: 'Аламүдүн айылы' }],
    disability: false,
    socialPayment: 'none',
    assignedHousing: '',
    otherProperty: '',
    legalStatus: 'withParents',
    reasons: [{ reason: 'parentsMigration' }, { reason: 'other', details: 'Мектепке барбай калган' }],
    needs: [{ need: 'education' }, { need: 'other', description: 'Кышкы кийим' }],
  },
  'kg-difficult.initialInformation': {
    reportedOn: '2026-02-20',
    source: 'police',
    circumstances: 'Бала автобекетте жалгыз табылды.',
    urgentMeasures: 'Чоң энесине убактылуу берилди.',
  },
  'kg-difficult.assessment': {
    assessedOn: '2026-03-04',
    health: 'Дени сак.',
    education: '6-класс, 3 айдан бери мектепке барбайт.',
    family: 'Ата-энеси Россияда иштешет.',
    living: 'Чоң энеси менен бир бөлмөлүү үйдө.',
    safety: 'Түздөн-түз коркунуч жок.',
    conclusion: 'Коргоо планы керек.',
  },
  'kg-difficult.plan': {
    adoptedOn: '2026-03-05',
    goal: 'Баланы мектепке кайтаруу, камкордукту тариздөө.',
    activities: [
      { activity: 'Мектепке кайра каттоо', specialist: 'Токтогулова А., билим берүү бөлүмү', plannedOn: '2026-03-10', executedOn: '2026-03-09', result: 'done' },
      { activity: 'Жөлөкпул дайындоо', specialist: 'Жумабаев Н., социалдык өнүктүрүү башкармалыгы', plannedOn: '2026-03-20' },
    ],
  },
  'kg-difficult.change': { learnedOn: '2026-03-12', circumstance: 'relatives', description: 'Атасы Россиядан кайтып келди.', document: '' },
  'kg-difficult.closure': { closedOn: '2026-03-25', withoutAssessment: true, reason: 'noAssessmentNeeded', consent: '№ 15, 25.03.2026', note: '' },
  'kg-difficult.specialist': {
    bodyName: 'Аламүдүн районундагы социалдык өнүктүрүү башкармалыгы',
    tin: '01234567891011',
    territory: 'KG-C-ALA',
    address: 'Лебединовка айылы, Ленин көч., 10',
    structure: 'Үй-бүлөнү жана балдарды колдоо бөлүмү',
    specialistName: { surname: 'Жумабаев', givenName: 'Нурлан', patronymic: 'Асанович' },
    pin: '22003198500456',
    position: 'Башкы адис',
  },
};

/** Specialists of two bodies, the territorial department of the child protection authority, a central reader. */
export const kgdActors = {
  specialist: { userId: 'u-spec-aiyl', role: r.specialist, agencyId: 'aiyl-okmotu-ala' },
  specialistOfDepartment: { userId: 'u-spec-dep', role: r.specialist, agencyId: 'uszn-ala' },
  territorial: { userId: 'u-terr', role: r.territorial, agencyId: 'uszn-ala' },
  otherTerritorial: { userId: 'u-terr-2', role: r.territorial, agencyId: 'uszn-chuy' },
  central: { userId: 'u-central', role: r.central, agencyId: 'ministry' },
} satisfies Record<string, Actor>;

/** The values without one field (the operator left it empty). */
export const without = (values: FormValues, field: string): FormValues => Object.fromEntries(Object.entries(values).filter(([key]) => key !== field));
