import type { AlertRule } from '../../forms/packTypes';
import { L } from '../common/localised';
import { institutionCard } from './forms/institutionCard';
import { pupilCard } from './forms/pupilCard';
import { dischargeEvent } from './forms/pupilEvents';

/** §8.4: warn before an accreditation expires; §8.3: control the length of a temporary stay. */
export const kgResidentialAlerts: readonly AlertRule[] = [
  {
    kind: 'dateApproaching',
    id: 'accreditationExpiring',
    formId: institutionCard.id,
    field: 'accreditationValidUntil',
    daysBefore: 60,
    message: L(
      'Аккредитациянын мөөнөтү бүтүп баратат же бүттү',
      'Срок аккредитации истекает или истёк',
      'Akkreditasiya müddəti bitir və ya bitib',
      'Аккредиттеу мерзімі аяқталып барады немесе аяқталды',
      'Accreditation is expiring or has expired',
    ),
  },
  {
    kind: 'stayExceeded',
    id: 'temporaryStayExceeded',
    formId: pupilCard.id,
    startField: 'admittedOn',
    when: { field: 'placementTerm', equals: 'temporary' },
    months: 6,
    endedByForm: dischargeEvent.id,
    message: L(
      'Убактылуу жайгаштыруу 6 айдан ашты',
      'Временное устройство длится больше 6 месяцев',
      'Müvəqqəti yerləşdirmə 6 aydan çox davam edir',
      'Уақытша орналастыру 6 айдан асты',
      'Temporary placement has lasted more than 6 months',
    ),
  },
];
