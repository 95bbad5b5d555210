import type { PackDef } from '../../forms/packTypes';
import { L } from '../common/localised';
import { kgCalendar } from '../kg-residential/calendar';
import { caseClosure, circumstanceChange } from './forms/caseChanges';
import { assessment, initialInformation, protectionPlan } from './forms/caseSteps';
import { childRecord } from './forms/childRecord';
import { specialistRegister } from './forms/specialistRegister';
import { kgDifficultClassifiers } from './reference';
import { kgDifficultReports } from './reports';
import { kgDifficultRoleDefs } from './roles';
import { kgDifficultWorkflow } from './workflow';

/**
 * Pack 2: the automated database of children in difficult life situations (Kyrgyz Republic).
 * Registered in `registryPacks`; its case panel and the tasks dashboard are src-renderer/features/cases/.
 */
export const kgDifficultPack: PackDef = {
  id: 'kg-difficult',
  title: L(
    'Турмуштук оор кырдаалда турган балдар',
    'Дети, находящиеся в трудной жизненной ситуации',
    'Çətin həyat vəziyyətində olan uşaqlar',
    'Қиын өмірлік жағдайдағы балалар',
    'Children in difficult life situations',
  ),
  country: 'KG',
  regulation: 'Regulation on the creation and use of the automated database of children in difficult life situations (Kyrgyz Republic)',
  roles: kgDifficultRoleDefs,
  forms: [childRecord, initialInformation, assessment, protectionPlan, circumstanceChange, caseClosure, specialistRegister],
  classifiers: kgDifficultClassifiers,
  calendar: kgCalendar,
  alerts: [],
  // §25: kept until the subject turns 28. `retentionYears` has no anchor yet and nothing reads it
  // (records are never deleted); counted from the record's creation, which is never before the
  // child's birth, 28 years never ends before the 28th birthday. The lifecycle issue adds the
  // basis (the subject's age) and the purge; docs/pack-kg-difficult.md.
  retentionYears: 28,
  workflows: [kgDifficultWorkflow],
  reports: kgDifficultReports,
};
