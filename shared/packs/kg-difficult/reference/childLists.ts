import type { Classifier } from '../../../forms/classifier';
import { L } from '../../common/localised';
import { kgdClassifierIds as c } from '../classifierIds';

/** §17: the child's legal status; §22 counts children by it. */
export const kgdLegalStatuses: Classifier = {
  id: c.legalStatus,
  version: '2026.1',
  source: 'Pack 2 §17, §22; Children’s Code of the Kyrgyz Republic (orphans, children left without parental care)',
  names: L('Баланын укуктук статусу', 'Правовой статус ребёнка', 'Uşağın hüquqi statusu', 'Баланың құқықтық мәртебесі', 'The child’s legal status'),
  entries: [
    { code: 'withParents', names: L('Ата-энеси (бирөө) менен жашайт', 'Проживает с родителями (одним из родителей)', 'Valideynləri (onlardan biri) ilə yaşayır', 'Ата-анасымен (біреуімен) тұрады', 'Lives with the parents (or one parent)') },
    { code: 'orphan', names: L('Жетим', 'Сирота', 'Yetim', 'Жетім', 'Orphan') },
    { code: 'withoutParentalCare', names: L('Ата-энесинин камкордугусуз калган', 'Оставшийся без попечения родителей', 'Valideyn himayəsindən məhrum olmuş', 'Ата-анасының қамқорлығынсыз қалған', 'Left without parental care') },
    { code: 'underGuardianship', names: L('Камкордукта (көзөмөлдө)', 'Под опекой (попечительством)', 'Qəyyumluq (himayə) altında', 'Қамқорлықта (қорғаншылықта)', 'Under guardianship') },
    { code: 'fosterFamily', names: L('Патронаттык үй-бүлөдө', 'В патронатной семье', 'Patronat ailəsində', 'Патронаттық отбасында', 'In a foster family') },
    { code: 'inInstitution', names: L('Балдар мекемесинде', 'В детском учреждении', 'Uşaq müəssisəsində', 'Балалар мекемесінде', 'In a children’s institution') },
    { code: 'notEstablished', names: L('Аныктала элек', 'Не установлен', 'Müəyyən edilməyib', 'Анықталмаған', 'Not yet established') },
    { code: 'other', names: L('Башка', 'Другое', 'Digər', 'Басқа', 'Other') },
  ],
};

/** §11, §22: why the child is at risk or in a difficult life situation (monitored and counted). */
export const kgdReasons: Classifier = {
  id: c.reason,
  version: '2026.1',
  source: 'Pack 2 §11 (monitoring of the reasons), §22; Children’s Code of the Kyrgyz Republic (children in difficult life situations)',
  names: L(
    'Турмуштук оор кырдаалга кабылуусунун себеби',
    'Причина трудной жизненной ситуации',
    'Çətin həyat vəziyyətinin səbəbi',
    'Қиын өмірлік жағдайға тап болу себебі',
    'Reason for the difficult life situation',
  ),
  entries: [
    { code: 'lossOfParents', names: L('Ата-энесинен ажырагандыгы', 'Утрата родителей', 'Valideynlərin itirilməsi', 'Ата-анасынан айырылуы', 'Loss of the parents') },
    { code: 'neglect', names: L('Ата-энесинин камкордугунун жоктугу, кароосуз калуу', 'Отсутствие родительского попечения, безнадзорность', 'Valideyn qayğısının olmaması, nəzarətsizlik', 'Ата-ана қамқорлығының болмауы, қараусыз қалу', 'No parental care, neglect') },
    { code: 'violence', names: L('Зомбулук, ырайымсыз мамиле', 'Насилие, жестокое обращение', 'Zorakılıq, qəddar rəftar', 'Зорлық-зомбылық, қатыгездік', 'Violence or cruel treatment') },
    { code: 'exploitation', names: L('Балдардын эмгегин пайдалануу, адам сатуу', 'Эксплуатация детского труда, торговля людьми', 'Uşaq əməyinin istismarı, insan alveri', 'Бала еңбегін қанау, адам саудасы', 'Child labour exploitation, trafficking') },
    { code: 'homelessness', names: L('Үйсүздүк, селсаяктык', 'Беспризорность, бродяжничество', 'Evsizlik, avaralıq', 'Панасыздық, қаңғыбастық', 'Homelessness, living on the street') },
    { code: 'parentsMigration', names: L('Ата-энесинин эмгек миграциясы', 'Трудовая миграция родителей', 'Valideynlərin əmək miqrasiyası', 'Ата-анасының еңбек көші-қоны', 'Parents’ labour migration') },
    { code: 'poverty', names: L('Үй-бүлөнүн жакырчылыгы', 'Малообеспеченность семьи', 'Ailənin aztəminatlılığı', 'Отбасының аз қамтылуы', 'Family poverty') },
    { code: 'parentsAddiction', names: L('Ата-энесинин аракечтиги же баңгилиги', 'Алкоголизм или наркомания родителей', 'Valideynlərin alkoqolizmi və ya narkomaniyası', 'Ата-анасының маскүнемдігі немесе нашақорлығы', 'Parents’ alcohol or drug addiction') },
    { code: 'disabilityHealth', names: L('Майыптык, ден соолугунун абалы', 'Инвалидность, состояние здоровья', 'Əlillik, sağlamlıq vəziyyəti', 'Мүгедектік, денсаулық жағдайы', 'Disability or health condition') },
    { code: 'conflictWithLaw', names: L('Мыйзам менен карама-каршылыкка кабылган', 'Конфликт с законом', 'Qanunla ziddiyyətdə', 'Заңмен қайшылыққа түскен', 'In conflict with the law') },
    { code: 'outOfSchool', names: L('Мектепке барбайт', 'Не посещает школу', 'Məktəbə getmir', 'Мектепке бармайды', 'Not attending school') },
    { code: 'emergency', names: L('Табигый кырсык, өзгөчө кырдаал, куралдуу кагылышуу', 'Стихийное бедствие, чрезвычайная ситуация, вооружённый конфликт', 'Təbii fəlakət, fövqəladə vəziyyət, silahlı münaqişə', 'Дүлей апат, төтенше жағдай, қарулы қақтығыс', 'Natural disaster, emergency or armed conflict') },
    { code: 'other', names: L('Башка', 'Другое', 'Digər', 'Басқа', 'Other') },
  ],
};

/** §17 (last item): what the child needs; the list is open-ended (the form adds a description to any need). */
export const kgdNeeds: Classifier = {
  id: c.need,
  version: '2026.1',
  source: 'Pack 2 §17 (information needed to meet the child’s needs, not exhaustive)',
  names: L('Баланын керектөөсү', 'Потребность ребёнка', 'Uşağın ehtiyacı', 'Баланың қажеттілігі', 'The child’s need'),
  entries: [
    { code: 'healthCare', names: L('Медициналык жардам', 'Медицинская помощь', 'Tibbi yardım', 'Медициналық көмек', 'Health care') },
    { code: 'education', names: L('Билим алуу', 'Образование', 'Təhsil', 'Білім алу', 'Education') },
    { code: 'psychological', names: L('Психологиялык колдоо', 'Психологическая поддержка', 'Psixoloji dəstək', 'Психологиялық қолдау', 'Psychological support') },
    { code: 'documents', names: L('Документтерди тариздөө', 'Оформление документов', 'Sənədlərin rəsmiləşdirilməsi', 'Құжаттарды ресімдеу', 'Identity and other documents') },
    { code: 'legalAid', names: L('Юридикалык жардам', 'Юридическая помощь', 'Hüquqi yardım', 'Заң көмегі', 'Legal aid') },
    { code: 'socialBenefits', names: L('Социалдык төлөмдөрдү дайындоо', 'Назначение социальных выплат', 'Sosial ödənişlərin təyin edilməsi', 'Әлеуметтік төлемдерді тағайындау', 'Social payments to be granted') },
    { code: 'housing', names: L('Турак жай', 'Жильё', 'Mənzil', 'Тұрғын үй', 'Housing') },
    { code: 'foodClothing', names: L('Тамак-аш, кийим-кече', 'Питание, одежда', 'Qida, geyim', 'Тамақ, киім-кешек', 'Food and clothing') },
    { code: 'temporaryPlacement', names: L('Убактылуу жайгаштыруу', 'Временное устройство', 'Müvəqqəti yerləşdirmə', 'Уақытша орналастыру', 'Temporary placement') },
    { code: 'familySupport', names: L('Үй-бүлөнү колдоо', 'Поддержка семьи', 'Ailəyə dəstək', 'Отбасын қолдау', 'Support for the family') },
    { code: 'rehabilitation', names: L('Реабилитация', 'Реабилитация', 'Reabilitasiya', 'Оңалту', 'Rehabilitation') },
    { code: 'other', names: L('Башка', 'Другое', 'Digər', 'Басқа', 'Other') },
  ],
};

/** §13, §18–19: who reported the child, including an exchange with another state database (§18). */
export const kgdInformationSources: Classifier = {
  id: c.informationSource,
  version: '2026.1',
  source: 'Pack 2 §18–19',
  names: L('Маалыматтын булагы', 'Источник сведений', 'Məlumat mənbəyi', 'Мәліметтің көзі', 'Source of the report'),
  entries: [
    { code: 'educationOrganisation', names: L('Билим берүү уюму', 'Образовательная организация', 'Təhsil təşkilatı', 'Білім беру ұйымы', 'Education organisation') },
    { code: 'healthOrganisation', names: L('Саламаттык сактоо уюму', 'Организация здравоохранения', 'Səhiyyə təşkilatı', 'Денсаулық сақтау ұйымы', 'Health organisation') },
    { code: 'police', names: L('Ички иштер органдары', 'Органы внутренних дел', 'Daxili işlər orqanları', 'Ішкі істер органдары', 'Police') },
    { code: 'localSelfGovernment', names: L('Жергиликтүү өз алдынча башкаруу органы', 'Орган местного самоуправления', 'Yerli özünüidarəetmə orqanı', 'Жергілікті өзін-өзі басқару органы', 'Local self-government body') },
    { code: 'citizen', names: L('Жарандар, кошуналар', 'Граждане, соседи', 'Vətəndaşlar, qonşular', 'Азаматтар, көршілер', 'Citizens, neighbours') },
    { code: 'child', names: L('Баланын өзү', 'Сам ребёнок', 'Uşağın özü', 'Баланың өзі', 'The child himself or herself') },
    { code: 'helpline', names: L('Ишеним телефону', 'Телефон доверия', 'Etibar telefonu', 'Сенім телефоны', 'Helpline') },
    { code: 'stateDatabase', names: L('Башка мамлекеттик органдын базасы', 'База другого государственного органа', 'Digər dövlət orqanının bazası', 'Басқа мемлекеттік органның базасы', 'Another state body’s database') },
    { code: 'other', names: L('Башка', 'Другое', 'Digər', 'Басқа', 'Other') },
  ],
};
