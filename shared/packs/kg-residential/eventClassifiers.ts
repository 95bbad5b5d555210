import type { Classifier } from '../../forms/classifier';
import { L } from '../common/localised';

/** What a change of circumstances concerns — the list of §18. */
export const circumstanceClassifier: Classifier = {
  id: 'kg-residential.circumstance',
  version: '2026.1',
  source: 'Pack 1 §18',
  names: L('Жашоо шарттарынын өзгөрүшү', 'Изменение обстоятельств', 'Şəraitin dəyişməsi', 'Жағдайлардың өзгеруі', 'Change of circumstances'),
  entries: [
    { code: 'status', names: L('Статусу', 'Статус', 'Status', 'Мәртебесі', 'Status') },
    { code: 'placementTerm', names: L('Жайгаштыруу мөөнөтү', 'Срок устройства', 'Yerləşdirmə müddəti', 'Орналастыру мерзімі', 'Placement term') },
    { code: 'relatives', names: L('Туугандарынын бар-жогу', 'Наличие родственников', 'Qohumların olması', 'Туыстарының болуы', 'Relatives') },
    { code: 'origin', names: L('Баланын келген жери', 'Откуда прибыл ребёнок', 'Uşağın gəldiyi yer', 'Баланың келген жері', 'Where the child came from') },
    { code: 'disabilityGroup', names: L('Майыптыктын тобу', 'Группа инвалидности', 'Əlillik qrupu', 'Мүгедектік тобы', 'Disability group') },
    { code: 'socialPayments', names: L('Социалдык төлөмдөр', 'Социальные выплаты', 'Sosial ödənişlər', 'Әлеуметтік төлемдер', 'Social payments') },
    { code: 'property', names: L('Мүлкү', 'Имущество', 'Əmlak', 'Мүлкі', 'Property') },
    { code: 'other', names: L('Башка', 'Другое', 'Digər', 'Басқа', 'Other') },
  ],
};

/** Why a child leaves the institution. */
export const dischargeReasonClassifier: Classifier = {
  id: 'kg-residential.dischargeReason',
  version: '2026.1',
  source: 'Pack 1 §18 (discharge); forms of family placement of the Children’s Code of the Kyrgyz Republic',
  names: L('Чыгуунун себеби', 'Причина выбытия', 'Çıxma səbəbi', 'Шығу себебі', 'Reason for leaving'),
  entries: [
    { code: 'returnedToParents', names: L('Ата-энесине кайтарылды', 'Возвращён родителям', 'Valideynlərinə qaytarıldı', 'Ата-анасына қайтарылды', 'Returned to parents') },
    { code: 'adoption', names: L('Асырап алынды', 'Усыновлён (удочерена)', 'Övladlığa götürüldü', 'Асырап алынды', 'Adopted') },
    { code: 'guardianship', names: L('Камкордукка берилди', 'Передан под опеку (попечительство)', 'Qəyyumluğa verildi', 'Қамқорлыққа берілді', 'Placed under guardianship') },
    { code: 'fosterFamily', names: L('Патронаттык үй-бүлөгө берилди', 'Передан в патронатную семью', 'Patronat ailəsinə verildi', 'Патронаттық отбасыға берілді', 'Placed in a foster family') },
    { code: 'transferred', names: L('Башка мекемеге которулду', 'Переведён в другое учреждение', 'Başqa müəssisəyə köçürüldü', 'Басқа мекемеге ауыстырылды', 'Transferred to another institution') },
    { code: 'cameOfAge', names: L('Бойго жетти / окуусун бүтүрдү', 'Достиг совершеннолетия / окончил обучение', 'Həddi-buluğa çatdı / təhsilini bitirdi', 'Кәмелетке толды / оқуын бітірді', 'Came of age / finished school') },
    { code: 'died', names: L('Каза болду', 'Умер', 'Vəfat etdi', 'Қайтыс болды', 'Died') },
    { code: 'other', names: L('Башка', 'Другое', 'Digər', 'Басқа', 'Other') },
  ],
};
