import type { FormDef } from '../../../forms/formTypes';
import { L } from '../../common/localised';
import { kgClassifierIds as c } from '../classifierIds';
import { kgResidentialRoles as r } from '../roles';

/** Who sees a pupil's personal data (§6): never the local administrations (totals only). */
const personalView = [r.systemOperator, r.dataHolder, r.centralReader, r.departmentReader, r.territorialReader];

/** The pupil record card (§15), entered by the institution (data holder) from supporting documents (§16). */
export const pupilCard: FormDef = {
  id: 'kg-residential.pupil',
  version: 1,
  title: L(
    'Тарбиялануучунун эсеп карточкасы',
    'Учётная карточка воспитанника',
    'Tərbiyəalanın uçot kartı',
    'Тәрбиеленушінің есеп карточкасы',
    'Pupil record card',
  ),
  titleField: 'name',
  identity: { pin: 'pin', name: 'name', birthDate: 'birthDate' },
  // §17: a new child is entered within two working days of arrival.
  deadline: { field: 'admittedOn', workingDays: 2 },
  access: { view: personalView, edit: [r.dataHolder] },
  sections: [
    {
      id: 'identity',
      title: L('Баланын инсандыгы', 'Личность ребёнка', 'Uşağın şəxsiyyəti', 'Баланың жеке басы', 'The child'),
      fields: [
        { id: 'name', kind: 'personName', patronymic: 'optional', required: true, label: L('Фамилиясы, аты, атасынын аты', 'Фамилия, имя, отчество', 'Soyadı, adı, ata adı', 'Тегі, аты, әкесінің аты', 'Surname, name, patronymic'), print: { span: 2 } },
        { id: 'sex', kind: 'choice', classifier: c.sex, required: true, label: L('Жынысы', 'Пол', 'Cinsi', 'Жынысы', 'Sex') },
        { id: 'birthDate', kind: 'date', notInFuture: true, required: true, label: L('Төрөлгөн күнү', 'Дата рождения', 'Doğum tarixi', 'Туған күні', 'Date of birth') },
        {
          id: 'pin',
          kind: 'pin',
          country: 'KG',
          birthDateField: 'birthDate',
          sexField: 'sex',
          label: L('Жеке идентификациялык номери (ЖИН)', 'Персональный идентификационный номер (ПИН)', 'Şəxsi identifikasiya nömrəsi (PIN)', 'Жеке сәйкестендіру нөмірі (ПИН)', 'Personal identification number (PIN)'),
          hint: L('14 сан', '14 цифр', '14 rəqəm', '14 цифр', '14 digits'),
        },
        {
          id: 'admittedOn',
          kind: 'date',
          notInFuture: true,
          notBefore: 'birthDate',
          required: true,
          label: L('Мекемеге түшкөн датасы', 'Дата поступления в учреждение', 'Müəssisəyə daxil olma tarixi', 'Мекемеге түскен күні', 'Date of admission'),
        },
        { id: 'cameFrom', kind: 'territory', classifier: c.territory, required: true, label: L('Бала кайдан келген (район / шаар)', 'Откуда прибыл ребёнок (район / город)', 'Uşağın gəldiyi yer (rayon / şəhər)', 'Бала қайдан келді (аудан / қала)', 'Where the child came from (district / city)') },
        { id: 'cameFromAddress', kind: 'text', maxLength: 300, label: L('Жашаган жеринин дареги', 'Адрес места жительства', 'Yaşayış yerinin ünvanı', 'Тұрғылықты мекенжайы', 'Address of residence'), print: { span: 2 } },
      ],
    },
    {
      id: 'family',
      title: L('Ата-энеси жана жакын туугандары', 'Родители и близкие родственники', 'Valideynləri və yaxın qohumları', 'Ата-анасы және жақын туыстары', 'Parents and close relatives'),
      fields: [
        { id: 'hasParents', kind: 'yesNo', required: true, label: L('Ата-энеси барбы', 'Наличие родителей', 'Valideynlərin olması', 'Ата-анасының болуы', 'Parents living') },
        { id: 'hasRelatives', kind: 'yesNo', required: true, label: L('Жакын туугандары барбы', 'Наличие близких родственников', 'Yaxın qohumların olması', 'Жақын туыстарының болуы', 'Close relatives') },
        {
          id: 'relatives',
          kind: 'group',
          maxItems: 20,
          itemLabel: L('Тууганы', 'Родственник', 'Qohum', 'Туысы', 'Relative'),
          label: L('Ата-энеси, туугандары', 'Родители, родственники', 'Valideynlər, qohumlar', 'Ата-анасы, туыстары', 'Parents and relatives'),
          print: { span: 2 },
          fields: [
            { id: 'relation', kind: 'choice', classifier: c.relationKind, required: true, label: L('Туугандыгы', 'Степень родства', 'Qohumluq dərəcəsi', 'Туыстық дәрежесі', 'Relation') },
            { id: 'name', kind: 'personName', patronymic: 'optional', required: true, label: L('Фамилиясы, аты, атасынын аты', 'Фамилия, имя, отчество', 'Soyadı, adı, ata adı', 'Тегі, аты, әкесінің аты', 'Surname, name, patronymic') },
            { id: 'contact', kind: 'text', maxLength: 200, label: L('Дареги, байланышы', 'Адрес, контакты', 'Ünvan, əlaqə', 'Мекенжайы, байланысы', 'Address, contacts') },
          ],
        },
      ],
    },
    {
      id: 'support',
      title: L('Майыптык жана социалдык төлөмдөр', 'Инвалидность и социальные выплаты', 'Əlillik və sosial ödənişlər', 'Мүгедектік және әлеуметтік төлемдер', 'Disability and social payments'),
      fields: [
        { id: 'disability', kind: 'yesNo', required: true, label: L('Майыптыгы барбы', 'Наличие инвалидности', 'Əlilliyin olması', 'Мүгедектігінің болуы', 'Disability') },
        {
          id: 'disabilityGroup',
          kind: 'choice',
          classifier: c.disabilityGroup,
          requiredWhen: { field: 'disability', equals: true },
          label: L('Майыптыгынын тобу', 'Группа инвалидности', 'Əlillik qrupu', 'Мүгедектік тобы', 'Disability group'),
        },
        { id: 'socialPayment', kind: 'choice', classifier: c.socialPayment, required: true, label: L('Социалдык төлөмдүн түрү', 'Вид социальной выплаты', 'Sosial ödənişin növü', 'Әлеуметтік төлем түрі', 'Type of social payment') },
      ],
    },
    {
      id: 'property',
      title: L('Турак жай жана мүлк', 'Жильё и имущество', 'Mənzil və əmlak', 'Тұрғын үй және мүлік', 'Housing and property'),
      fields: [
        { id: 'assignedHousing', kind: 'text', maxLength: 500, multiline: true, label: L('Бекитилип берилген турак жайы', 'Закреплённое жильё', 'Təhkim olunmuş mənzil', 'Бекітілген тұрғын үйі', 'Assigned housing'), print: { span: 2 } },
        { id: 'otherProperty', kind: 'text', maxLength: 1000, multiline: true, label: L('Башка мүлкү', 'Иное имущество', 'Digər əmlak', 'Басқа мүлкі', 'Other property'), print: { span: 2 } },
      ],
    },
    {
      id: 'plans',
      title: L('Жеке пландар', 'Индивидуальные планы', 'Fərdi planlar', 'Жеке жоспарлар', 'Individual plans'),
      fields: [
        { id: 'protectionPlan', kind: 'text', maxLength: 500, multiline: true, label: L('Баланы коргоонун жеке планы', 'Индивидуальный план защиты ребёнка', 'Uşağın müdafiəsinin fərdi planı', 'Баланы қорғаудың жеке жоспары', 'Individual protection plan'), print: { span: 2 } },
        { id: 'rehabilitationPlan', kind: 'text', maxLength: 500, multiline: true, label: L('Реабилитациялоонун жеке планы', 'Индивидуальный план реабилитации', 'Fərdi reabilitasiya planı', 'Оңалтудың жеке жоспары', 'Individual rehabilitation plan'), print: { span: 2 } },
      ],
    },
    {
      id: 'placement',
      title: L('Жайгаштыруу', 'Устройство', 'Yerləşdirmə', 'Орналастыру', 'Placement'),
      fields: [
        { id: 'placementTerm', kind: 'choice', classifier: c.placementTerm, required: true, label: L('Жайгаштыруу мөөнөтү', 'Срок устройства', 'Yerləşdirmə müddəti', 'Орналастыру мерзімі', 'Placement term') },
        { id: 'legalStatus', kind: 'choice', classifier: c.legalStatus, required: true, label: L('Укуктук статусу', 'Правовой статус', 'Hüquqi statusu', 'Құқықтық мәртебесі', 'Legal status') },
        { id: 'referringBody', kind: 'choice', classifier: c.referringBody, required: true, label: L('Жиберген орган', 'Направивший орган', 'Göndərən orqan', 'Жіберген орган', 'Referring body') },
        { id: 'placementReason', kind: 'choice', classifier: c.placementReason, required: true, label: L('Жайгаштыруунун себеби', 'Причина устройства', 'Yerləşdirmənin səbəbi', 'Орналастыру себебі', 'Reason for placement') },
        { id: 'placementReasonNote', kind: 'text', maxLength: 500, multiline: true, label: L('Себеби тууралуу кошумча', 'Подробнее о причине', 'Səbəb haqqında ətraflı', 'Себебі туралы толығырақ', 'Details of the reason'), print: { span: 2 } },
      ],
    },
    {
      id: 'photo',
      title: L('Сүрөтү', 'Фотография', 'Fotoşəkil', 'Фотосуреті', 'Photo'),
      fields: [
        {
          id: 'photo',
          kind: 'photo',
          maxBytes: 2_000_000,
          // Not required: a child admitted at night must be entered within two working days
          // (§17) even before a photo is taken.
          label: L('Баланын актуалдуу түстүү сүрөтү', 'Актуальная цветная фотография ребёнка', 'Uşağın aktual rəngli fotoşəkli', 'Баланың өзекті түрлі-түсті фотосуреті', 'Current colour photo of the child'),
          print: { omit: true },
        },
      ],
    },
  ],
};
