import type { Band } from '../../../reports/reportTypes';
import { L } from '../../common/localised';

/** Age groups at the period's end, as the authority publishes them (infants, pre-school, school stages, adults). */
export const ageBands: readonly Band[] = [
  { below: 3, label: L('0–2 жаш', '0–2 года', '0–2 yaş', '0–2 жас', '0–2 years') },
  { below: 7, label: L('3–6 жаш', '3–6 лет', '3–6 yaş', '3–6 жас', '3–6 years') },
  { below: 11, label: L('7–10 жаш', '7–10 лет', '7–10 yaş', '7–10 жас', '7–10 years') },
  { below: 15, label: L('11–14 жаш', '11–14 лет', '11–14 yaş', '11–14 жас', '11–14 years') },
  { below: 18, label: L('15–17 жаш', '15–17 лет', '15–17 yaş', '15–17 жас', '15–17 years') },
  { below: null, label: L('18 жаш жана андан улуу', '18 лет и старше', '18 yaş və yuxarı', '18 жас және одан үлкен', '18 and over') },
];

/** Length of stay (§8.3): the six-month line between temporary and long-term placement comes first. */
export const stayBands: readonly Band[] = [
  { below: 6, label: L('6 айга чейин', 'до 6 месяцев', '6 aya qədər', '6 айға дейін', 'Up to 6 months') },
  { below: 12, label: L('6 айдан 1 жылга чейин', 'от 6 месяцев до 1 года', '6 aydan 1 ilə qədər', '6 айдан 1 жылға дейін', '6 months to 1 year') },
  { below: 36, label: L('1 жылдан 3 жылга чейин', 'от 1 года до 3 лет', '1 ildən 3 ilə qədər', '1 жылдан 3 жылға дейін', '1 to 3 years') },
  { below: null, label: L('3 жылдан ашык', 'более 3 лет', '3 ildən çox', '3 жылдан астам', 'Over 3 years') },
];

export const accreditationLabels = {
  none: L('Аккредитациясы жок', 'Без аккредитации', 'Akkreditasiyasız', 'Аккредиттеусіз', 'Not accredited'),
  valid: L('Жарактуу', 'Действует', 'Qüvvədədir', 'Жарамды', 'Valid'),
  expiring: L('60 күндүн ичинде бүтөт', 'Истекает в течение 60 дней', '60 gün ərzində bitir', '60 күн ішінде аяқталады', 'Expires within 60 days'),
  expired: L('Мөөнөтү бүткөн', 'Срок истёк', 'Müddəti bitib', 'Мерзімі өткен', 'Expired'),
};
