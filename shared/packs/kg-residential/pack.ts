import type { PackDef } from '../../forms/packTypes';
import { L } from '../common/localised';
import { kgResidentialAlerts } from './alerts';
import { kgCalendar } from './calendar';
import { institutionCard } from './forms/institutionCard';
import { pupilCard } from './forms/pupilCard';
import { changeEvent, dischargeEvent } from './forms/pupilEvents';
import { kgResidentialClassifiers } from './reference';
import { kgResidentialReports } from './reports';
import { kgResidentialRoleDefs } from './roles';

/** Pack 1: residential children's institutions of the Kyrgyz Republic and their pupils. */
export const kgResidentialPack: PackDef = {
  id: 'kg-residential',
  title: L(
    'Интернат тибиндеги балдар мекемелери',
    'Детские учреждения интернатного типа',
    'İnternat tipli uşaq müəssisələri',
    'Интернат үлгісіндегі балалар мекемелері',
    'Residential children’s institutions',
  ),
  country: 'KG',
  regulation: 'Order of operation of the automated information and analytical system of residential children’s institutions (Kyrgyz Republic)',
  roles: kgResidentialRoleDefs,
  forms: [institutionCard, pupilCard, changeEvent, dischargeEvent],
  classifiers: kgResidentialClassifiers,
  calendar: kgCalendar,
  alerts: kgResidentialAlerts,
  retentionYears: 75,
  reports: kgResidentialReports,
};
