import type { Classifier } from '../../../forms/classifier';
import { L } from '../../common/localised';

/** §15 (7): temporary (up to six months) or long-term (over six months). */
export const placementTerms: Classifier = {
  id: 'kg-residential.placementTerm',
  version: '2026.1',
  source: 'Pack 1 §15 (7)',
  names: L('Жайгаштыруу мөөнөтү', 'Срок устройства', 'Yerləşdirmə müddəti', 'Орналастыру мерзімі', 'Placement term'),
  entries: [
    { code: 'temporary', names: L('Убактылуу (6 айга чейин)', 'Временное (до 6 месяцев)', 'Müvəqqəti (6 aya qədər)', 'Уақытша (6 айға дейін)', 'Temporary (up to 6 months)') },
    { code: 'longTerm', names: L('Узак мөөнөттүү (6 айдан ашык)', 'Долгосрочное (более 6 месяцев)', 'Uzunmüddətli (6 aydan çox)', 'Ұзақ мерзімді (6 айдан астам)', 'Long-term (over 6 months)') },
  ],
};

/** §15 (8): the child's legal status. */
export const legalStatuses: Classifier = {
  id: 'kg-residential.legalStatus',
  version: '2026.2',
  source: 'Pack 1 §15 (8) and §2 (orphans, children left without parental care); Children’s Code of the Kyrgyz Republic',
  names: L('Укуктук статусу', 'Правовой статус', 'Hüquqi status', 'Құқықтық мәртебесі', 'Legal status'),
  entries: [
    { code: 'orphan', names: L('Жетим', 'Сирота', 'Yetim', 'Жетім', 'Orphan') },
    // 2026.2: the other status the order names beside orphans (§2: "ата-энесинин камкордугусуз калган балдар").
    { code: 'withoutParentalCare', names: L('Ата-энесинин камкордугусуз калган', 'Оставшийся без попечения родителей', 'Valideyn himayəsindən məhrum olmuş', 'Ата-анасының қамқорлығынсыз қалған', 'Left without parental care') },
    { code: 'deprivedRights', names: L('Ата-энеси ата-энелик укуктарынан ажыратылган', 'Родители лишены родительских прав', 'Valideynlər valideynlik hüquqlarından məhrum edilib', 'Ата-анасы ата-аналық құқықтарынан айырылған', 'Parents deprived of parental rights') },
    { code: 'restrictedRights', names: L('Ата-энесинин укуктары чектелген', 'Родители ограничены в родительских правах', 'Valideynlərin hüquqları məhdudlaşdırılıb', 'Ата-анасының құқықтары шектелген', 'Parental rights restricted') },
    { code: 'parentsMissing', names: L('Ата-энеси дайынсыз жоголгон деп табылган', 'Родители признаны безвестно отсутствующими', 'Valideynlər itkin düşmüş hesab edilib', 'Ата-анасы хабарсыз кеткен деп танылған', 'Parents declared missing') },
    { code: 'parentsIncapable', names: L('Ата-энеси аракетке жөндөмсүз деп табылган', 'Родители признаны недееспособными', 'Valideynlər fəaliyyət qabiliyyətsiz hesab edilib', 'Ата-анасы әрекетке қабілетсіз деп танылған', 'Parents declared legally incapable') },
    { code: 'parentsImprisoned', names: L('Ата-энеси жазасын өтөп жатат', 'Родители отбывают наказание', 'Valideynlər cəza çəkir', 'Ата-анасы жазасын өтеп жатыр', 'Parents serving a sentence') },
    { code: 'parentsUnknown', names: L('Ата-энеси белгисиз', 'Родители неизвестны', 'Valideynlər məlum deyil', 'Ата-анасы белгісіз', 'Parents unknown') },
    { code: 'withParentsTemporary', names: L('Ата-энеси бар, ата-энесинин арызы боюнча убактылуу жайгаштырылган', 'Имеет родителей, временно устроен по заявлению родителей', 'Valideynləri var, valideynlərin ərizəsi ilə müvəqqəti yerləşdirilib', 'Ата-анасы бар, ата-анасының өтініші бойынша уақытша орналастырылған', 'Has parents; placed temporarily at their request') },
    { code: 'other', names: L('Башка', 'Другое', 'Digər', 'Басқа', 'Other') },
  ],
};

/** §15 (9): the reasons a child is placed. */
export const placementReasons: Classifier = {
  id: 'kg-residential.placementReason',
  version: '2026.1',
  source: 'Pack 1 §15 (9)',
  names: L('Жайгаштыруунун себеби', 'Причина устройства', 'Yerləşdirmənin səbəbi', 'Орналастыру себебі', 'Reason for placement'),
  entries: [
    { code: 'parentsDied', names: L('Ата-энесинин өлүмү', 'Смерть родителей', 'Valideynlərin ölümü', 'Ата-анасының қайтыс болуы', 'Death of the parents') },
    { code: 'leftWithoutCare', names: L('Ата-энесинин камкордугусуз калуу', 'Оставление без попечения родителей', 'Valideyn himayəsi olmadan qalma', 'Ата-ана қамқорлығынсыз қалу', 'Left without parental care') },
    { code: 'abandoned', names: L('Баладан баш тартуу', 'Отказ от ребёнка', 'Uşaqdan imtina', 'Баладан бас тарту', 'Parents gave the child up') },
    { code: 'violence', names: L('Зомбулук, ырайымсыз мамиле', 'Насилие, жестокое обращение', 'Zorakılıq, qəddar rəftar', 'Зорлық-зомбылық, қатыгездік', 'Violence or cruel treatment') },
    { code: 'povertyHardship', names: L('Үй-бүлөнүн оор жашоо шарты', 'Трудная жизненная ситуация семьи', 'Ailənin çətin həyat vəziyyəti', 'Отбасының қиын өмірлік жағдайы', 'Family in hardship') },
    { code: 'healthNeeds', names: L('Баланын ден соолугу (атайын кам көрүү)', 'Состояние здоровья ребёнка (особый уход)', 'Uşağın sağlamlığı (xüsusi qulluq)', 'Баланың денсаулығы (арнайы күтім)', 'The child’s health (special care)') },
    { code: 'education', names: L('Билим алуу', 'Получение образования', 'Təhsil alma', 'Білім алу', 'Education') },
    { code: 'parentsLabourMigration', names: L('Ата-энесинин эмгек миграциясы', 'Трудовая миграция родителей', 'Valideynlərin əmək miqrasiyası', 'Ата-анасының еңбек көші-қоны', 'Parents’ labour migration') },
    { code: 'other', names: L('Башка', 'Другое', 'Digər', 'Басқа', 'Other') },
  ],
};

/** §15 (9): the body that referred the child. */
export const referringBodies: Classifier = {
  id: 'kg-residential.referringBody',
  version: '2026.1',
  source: 'Pack 1 §15 (9)',
  names: L('Жиберген орган', 'Направивший орган', 'Göndərən orqan', 'Жіберген орган', 'Referring body'),
  entries: [
    { code: 'childSupportDepartment', names: L('Үй-бүлөнү жана балдарды колдоо бөлүмү', 'Отдел поддержки семьи и детей', 'Ailə və uşaqlara dəstək şöbəsi', 'Отбасы мен балаларды қолдау бөлімі', 'Department for family and child support') },
    { code: 'court', names: L('Сот', 'Суд', 'Məhkəmə', 'Сот', 'Court') },
    { code: 'police', names: L('Ички иштер органдары', 'Органы внутренних дел', 'Daxili işlər orqanları', 'Ішкі істер органдары', 'Police') },
    { code: 'healthOrganisation', names: L('Саламаттык сактоо уюму', 'Организация здравоохранения', 'Səhiyyə təşkilatı', 'Денсаулық сақтау ұйымы', 'Health organisation') },
    { code: 'educationBody', names: L('Билим берүү органы', 'Орган образования', 'Təhsil orqanı', 'Білім беру органы', 'Education authority') },
    { code: 'localAuthority', names: L('Жергиликтүү мамлекеттик администрация же айыл өкмөтү', 'Местная госадминистрация или айыл окмоту', 'Yerli dövlət administrasiyası və ya kənd icra orqanı', 'Жергілікті мемлекеттік әкімшілік немесе ауыл әкімдігі', 'Local state administration or village authority') },
    { code: 'parentsApplication', names: L('Ата-энесинин (мыйзамдуу өкүлдөрүнүн) арызы', 'Заявление родителей (законных представителей)', 'Valideynlərin (qanuni nümayəndələrin) ərizəsi', 'Ата-анасының (заңды өкілдерінің) өтініші', 'Application of the parents (legal representatives)') },
    { code: 'otherInstitution', names: L('Башка мекеме (которуу)', 'Другое учреждение (перевод)', 'Başqa müəssisə (köçürmə)', 'Басқа мекеме (ауыстыру)', 'Another institution (transfer)') },
    { code: 'other', names: L('Башка', 'Другое', 'Digər', 'Басқа', 'Other') },
  ],
};

/** Kinds of parents and close relatives (§15 (2)). */
export const relationKinds: Classifier = {
  id: 'kg-residential.relationKind',
  version: '2026.1',
  source: 'Pack 1 §15 (2)',
  names: L('Туугандыгы', 'Степень родства', 'Qohumluq dərəcəsi', 'Туыстық дәрежесі', 'Relation'),
  entries: [
    { code: 'mother', names: L('Энеси', 'Мать', 'Anası', 'Анасы', 'Mother') },
    { code: 'father', names: L('Атасы', 'Отец', 'Atası', 'Әкесі', 'Father') },
    { code: 'grandmother', names: L('Чоң энеси', 'Бабушка', 'Nənəsi', 'Әжесі', 'Grandmother') },
    { code: 'grandfather', names: L('Чоң атасы', 'Дедушка', 'Babası', 'Атасы (әкесінің әкесі)', 'Grandfather') },
    { code: 'brother', names: L('Агасы / иниси', 'Брат', 'Qardaşı', 'Ағасы / інісі', 'Brother') },
    { code: 'sister', names: L('Эжеси / карындашы / сиңдиси', 'Сестра', 'Bacısı', 'Әпкесі / қарындасы / сіңлісі', 'Sister') },
    { code: 'aunt', names: L('Таежеси / жеңеси', 'Тётя', 'Xalası / bibisi', 'Тәтесі', 'Aunt') },
    { code: 'uncle', names: L('Таякеси / агасы', 'Дядя', 'Dayısı / əmisi', 'Нағашы ағасы / көкесі', 'Uncle') },
    { code: 'guardian', names: L('Камкорчусу', 'Опекун (попечитель)', 'Qəyyumu', 'Қамқоршысы', 'Guardian') },
    { code: 'other', names: L('Башка', 'Другой', 'Digər', 'Басқа', 'Other') },
  ],
};
