import type { Classifier } from '../../../forms/classifier';
import { L } from '../../common/localised';
import { kgdClassifierIds as c } from '../classifierIds';

/** §20: the changes of a registered child's circumstances, entered within two working days. */
export const kgdCircumstances: Classifier = {
  id: c.circumstance,
  version: '2026.1',
  source: 'Pack 2 §20',
  names: L('Жашоо шарттарынын өзгөрүшү', 'Изменение жизненных обстоятельств', 'Həyat şəraitinin dəyişməsi', 'Өмір жағдайларының өзгеруі', 'Change of circumstances'),
  entries: [
    { code: 'status', names: L('Статусу', 'Статус', 'Status', 'Мәртебесі', 'Status') },
    { code: 'relatives', names: L('Туугандарынын бар-жогу', 'Наличие родственников', 'Qohumların olması', 'Туыстарының болуы', 'Relatives') },
    { code: 'origin', names: L('Баланын келген жери', 'Откуда прибыл ребёнок', 'Uşağın gəldiyi yer', 'Баланың келген жері', 'Where the child came from') },
    { code: 'document', names: L('Тиешелүү документ алды', 'Получен соответствующий документ', 'Müvafiq sənəd alınıb', 'Тиісті құжат алды', 'A document obtained') },
    { code: 'disability', names: L('Майыптыкты аныктоо', 'Установление инвалидности', 'Əlilliyin müəyyən edilməsi', 'Мүгедектікті белгілеу', 'Disability established') },
    { code: 'socialPayments', names: L('Социалдык төлөмдөр', 'Социальные выплаты', 'Sosial ödənişlər', 'Әлеуметтік төлемдер', 'Social payments') },
    { code: 'property', names: L('Мүлктүн болушу', 'Наличие имущества', 'Əmlakın olması', 'Мүліктің болуы', 'Property') },
    {
      code: 'leftInstitution',
      names: L(
        'Жатак тибиндеги же башка балдар мекемесинен чыкты',
        'Выбыл из учреждения интернатного типа или другого детского учреждения',
        'İnternat tipli və ya digər uşaq müəssisəsindən çıxıb',
        'Интернат үлгісіндегі немесе басқа балалар мекемесінен шықты',
        'Left a residential or other children’s institution',
      ),
    },
    { code: 'other', names: L('Башка', 'Другое', 'Digər', 'Басқа', 'Other') },
  ],
};

/** §22: the result of a protection-plan activity, for the report on the plans' results. */
export const kgdActivityResults: Classifier = {
  id: c.activityResult,
  version: '2026.1',
  source: 'Pack 2 §3, §22 (results of the individual protection plans’ activities)',
  names: L('Иш-чаранын жыйынтыгы', 'Результат мероприятия', 'Tədbirin nəticəsi', 'Іс-шараның нәтижесі', 'Result of the activity'),
  entries: [
    { code: 'done', names: L('Аткарылды', 'Выполнено', 'İcra olunub', 'Орындалды', 'Carried out') },
    { code: 'partly', names: L('Жарым-жартылай аткарылды', 'Выполнено частично', 'Qismən icra olunub', 'Ішінара орындалды', 'Partly carried out') },
    { code: 'notDone', names: L('Аткарылган жок', 'Не выполнено', 'İcra olunmayıb', 'Орындалмады', 'Not carried out') },
    { code: 'cancelled', names: L('Жокко чыгарылды (зарылдыгы жок)', 'Отменено (нет необходимости)', 'Ləğv edilib (ehtiyac yoxdur)', 'Күші жойылды (қажеттілік жоқ)', 'Cancelled (no longer needed)') },
  ],
};

/** §10, §20: why a case is closed — the child brought out of the difficult situation, or no assessment needed. */
export const kgdClosureReasons: Classifier = {
  id: c.closureReason,
  version: '2026.1',
  source: 'Pack 2 §9–10 (bringing children out of difficult situations), §20 (closing without a comprehensive assessment)',
  names: L('Иштин токтотулушунун себеби', 'Причина прекращения работы', 'İşə xitam verilməsinin səbəbi', 'Жұмысты тоқтату себебі', 'Reason for closing the case'),
  entries: [
    { code: 'situationResolved', names: L('Бала турмуштук оор кырдаалдан чыгарылды', 'Ребёнок выведен из трудной жизненной ситуации', 'Uşaq çətin həyat vəziyyətindən çıxarılıb', 'Бала қиын өмірлік жағдайдан шығарылды', 'The child was brought out of the difficult situation') },
    {
      code: 'noAssessmentNeeded',
      names: L(
        'Ар тараптуу баа берүүнү талап кылбаган жагдайлар аныкталды',
        'Выявлены обстоятельства, не требующие комплексной оценки',
        'Hərtərəfli qiymətləndirmə tələb etməyən hallar müəyyən edilib',
        'Жан-жақты бағалауды қажет етпейтін мән-жайлар анықталды',
        'Circumstances found that need no comprehensive assessment',
      ),
    },
    { code: 'returnedToFamily', names: L('Үй-бүлөгө кайтарылды', 'Возвращён в семью', 'Ailəyə qaytarılıb', 'Отбасына қайтарылды', 'Returned to the family') },
    { code: 'familyPlacement', names: L('Үй-бүлөгө тарбияга берилди (асырап алуу, камкордук, патронат)', 'Передан на воспитание в семью (усыновление, опека, патронат)', 'Ailəyə tərbiyəyə verilib (övladlığa götürmə, qəyyumluq, patronat)', 'Отбасына тәрбиеге берілді (асырап алу, қамқорлық, патронат)', 'Placed in a family (adoption, guardianship, foster care)') },
    { code: 'cameOfAge', names: L('18 жашка толду', 'Достиг 18 лет', '18 yaşına çatıb', '18 жасқа толды', 'Turned 18') },
    { code: 'movedAway', names: L('Башка аймакка көчүп кетти', 'Выбыл на другую территорию', 'Başqa əraziyə köçüb', 'Басқа аумаққа көшті', 'Moved to another territory') },
    { code: 'notConfirmed', names: L('Маалымат тастыкталган жок', 'Сведения не подтвердились', 'Məlumat təsdiqlənməyib', 'Мәлімет расталмады', 'The report was not confirmed') },
    { code: 'died', names: L('Каза болду', 'Умер', 'Vəfat edib', 'Қайтыс болды', 'Died') },
    { code: 'other', names: L('Башка', 'Другое', 'Digər', 'Басқа', 'Other') },
  ],
};
