import type { Classifier } from '../../../forms/classifier';
import { L } from '../../common/localised';

/** §15 (3): the type of social payment. */
export const socialPayments: Classifier = {
  id: 'kg-residential.socialPayment',
  version: '2026.1',
  source: 'Pack 1 §15 (3)',
  names: L('Социалдык төлөмдүн түрү', 'Вид социальной выплаты', 'Sosial ödənişin növü', 'Әлеуметтік төлем түрі', 'Type of social payment'),
  entries: [
    { code: 'none', names: L('Жок', 'Нет', 'Yoxdur', 'Жоқ', 'None') },
    { code: 'survivorPension', names: L('Багуучусунан ажырагандыгы боюнча пенсия', 'Пенсия по случаю потери кормильца', 'Ailə başçısını itirməyə görə pensiya', 'Асыраушысынан айырылуы бойынша зейнетақы', 'Survivor’s pension') },
    { code: 'monthlyAllowance', names: L('Ай сайынкы социалдык жөлөкпул', 'Ежемесячное социальное пособие', 'Aylıq sosial müavinət', 'Ай сайынғы әлеуметтік жәрдемақы', 'Monthly social allowance') },
    { code: 'both', names: L('Пенсия жана жөлөкпул', 'Пенсия и пособие', 'Pensiya və müavinət', 'Зейнетақы және жәрдемақы', 'Pension and allowance') },
    { code: 'other', names: L('Башка', 'Другое', 'Digər', 'Басқа', 'Other') },
  ],
};

/**
 * Disability of a child under 18: in the Kyrgyz Republic a child is recognised as a "child with
 * limited health capacities" (ЛОВЗ до 18 лет) without adult groups I–III; the list keeps that
 * status and the cases still being assessed.
 */
export const disabilityGroups: Classifier = {
  id: 'kg-residential.disabilityGroup',
  version: '2026.1',
  source: 'Pack 1 §15 (3), §18; medical and social expert commission categories for children',
  names: L('Майыптыктын тобу', 'Группа инвалидности', 'Əlillik qrupu', 'Мүгедектік тобы', 'Disability group'),
  entries: [
    { code: 'childUnder18', names: L('Ден соолугунун мүмкүнчүлүктөрү чектелген 18 жашка чейинки бала', 'Ребёнок с ОВЗ до 18 лет', '18 yaşadək sağlamlıq imkanları məhdud uşaq', '18 жасқа дейінгі денсаулық мүмкіндіктері шектеулі бала', 'Child with disabilities under 18') },
    { code: 'underAssessment', names: L('Медициналык-социалдык экспертизада', 'На медико-социальной экспертизе', 'Tibbi-sosial ekspertizadadır', 'Медициналық-әлеуметтік сараптамада', 'Under medical and social assessment') },
  ],
};
