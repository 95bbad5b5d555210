import type { FormDef } from '../../../forms/formTypes';
import { L } from '../../common/localised';
import { kgdClassifierIds as c } from '../classifierIds';
import { caseEditors, caseViewers } from '../roles';
import { addressLabel, districtLabel, fullName, pinHint, pinLabel } from './labels';

/**
 * The basic information on a child in a difficult life situation (§17), entered by the
 * responsible specialist within one working day of the child being found (§19). The record is
 * the case of the workflow (workflow.ts); its personal data stay when the case is closed (§20).
 */
export const childRecord: FormDef = {
  id: 'kg-difficult.child',
  version: 1,
  title: L(
    'Турмуштук оор кырдаалда турган бала жөнүндө маалымат',
    'Сведения о ребёнке, находящемся в трудной жизненной ситуации',
    'Çətin həyat vəziyyətində olan uşaq haqqında məlumat',
    'Қиын өмірлік жағдайдағы бала туралы мәліметтер',
    'Child in a difficult life situation',
  ),
  titleField: 'name',
  identity: { pin: 'pin', name: 'name', birthDate: 'birthDate' },
  // §19: entered within one working day of the child being found.
  deadline: { field: 'foundOn', workingDays: 1 },
  access: { view: caseViewers, edit: caseEditors },
  sections: [
    {
      id: 'identity',
      title: L('Баланын инсандыгы', 'Личность ребёнка', 'Uşağın şəxsiyyəti', 'Баланың жеке басы', 'The child'),
      fields: [
        { id: 'name', kind: 'personName', patronymic: 'optional', required: true, label: fullName, print: { span: 2 } },
        { id: 'sex', kind: 'choice', classifier: c.sex, required: true, label: L('Жынысы', 'Пол', 'Cinsi', 'Жынысы', 'Sex') },
        { id: 'birthDate', kind: 'date', notInFuture: true, required: true, label: L('Туулган датасы', 'Дата рождения', 'Doğum tarixi', 'Туған күні', 'Date of birth') },
        { id: 'pin', kind: 'pin', country: 'KG', birthDateField: 'birthDate', sexField: 'sex', label: pinLabel, hint: pinHint },
      ],
    },
    {
      id: 'found',
      title: L('Бала табылган күн жана жер', 'Дата и место выявления ребёнка', 'Uşağın aşkar edildiyi tarix və yer', 'Баланың анықталған күні мен орны', 'When and where the child was found'),
      fields: [
        { id: 'foundOn', kind: 'date', notInFuture: true, notBefore: 'birthDate', required: true, label: L('Бала табылган күн', 'Дата выявления ребёнка', 'Uşağın aşkar edildiyi tarix', 'Баланың анықталған күні', 'Date the child was found') },
        { id: 'foundTerritory', kind: 'territory', classifier: c.territory, required: true, label: L('Бала табылган жер (облус, район / шаар)', 'Место выявления (область, район / город)', 'Aşkar edildiyi yer (vilayət, rayon / şəhər)', 'Анықталған жері (облыс, аудан / қала)', 'Place found (region, district / city)') },
        { id: 'foundAddress', kind: 'text', maxLength: 300, label: L('Бала табылган жердин дареги', 'Адрес места выявления', 'Aşkar edildiyi yerin ünvanı', 'Анықталған жерінің мекенжайы', 'Address of the place found'), print: { span: 2 } },
        { id: 'source', kind: 'choice', classifier: c.informationSource, label: L('Маалыматтын булагы', 'Источник сведений', 'Məlumat mənbəyi', 'Мәліметтің көзі', 'Source of the report') },
      ],
    },
    {
      id: 'residence',
      title: L('Жашаган жери (эгер бар болсо)', 'Место жительства (при наличии)', 'Yaşayış yeri (olduqda)', 'Тұрғылықты жері (болса)', 'Residence (if any)'),
      fields: [
        { id: 'residenceTerritory', kind: 'territory', classifier: c.territory, label: districtLabel },
        { id: 'residenceAddress', kind: 'text', maxLength: 300, requiredWhen: { field: 'residenceTerritory', filled: true }, label: addressLabel, print: { span: 2 } },
      ],
    },
    {
      id: 'family',
      title: L('Ата-энеси жана жакын туугандары', 'Родители и близкие родственники', 'Valideynləri və yaxın qohumları', 'Ата-анасы және жақын туыстары', 'Parents and close relatives'),
      fields: [
        { id: 'hasParents', kind: 'yesNo', required: true, label: L('Ата-энеси барбы', 'Наличие родителей', 'Valideynlərin olması', 'Ата-анасының болуы', 'Parents living') },
        { id: 'hasRelatives', kind: 'yesNo', required: true, label: L('Жакын туугандары барбы', 'Наличие близких родственников', 'Yaxın qohumların olması', 'Жақын туыстарының болуы', 'Close relatives') },
        // §22 counts the children whose parents are migrants.
        { id: 'migrantParents', kind: 'yesNo', required: true, label: L('Ата-энеси мигрант', 'Родители — мигранты', 'Valideynləri miqrantdır', 'Ата-анасы — мигрант', 'Parents are migrants') },
        {
          id: 'relatives',
          kind: 'group',
          maxItems: 20,
          itemLabel: L('Тууганы', 'Родственник', 'Qohum', 'Туысы', 'Relative'),
          label: L('Ата-энеси, жакын туугандары', 'Родители, близкие родственники', 'Valideynlər, yaxın qohumlar', 'Ата-анасы, жақын туыстары', 'Parents and close relatives'),
          print: { span: 2 },
          fields: [
            { id: 'relation', kind: 'choice', classifier: c.relationKind, required: true, label: L('Туугандыгы', 'Степень родства', 'Qohumluq dərəcəsi', 'Туыстық дәрежесі', 'Relation') },
            { id: 'name', kind: 'personName', patronymic: 'optional', required: true, label: fullName },
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
        { id: 'socialPayment', kind: 'choice', classifier: c.socialPayment, required: true, label: L('Социалдык төлөмдүн түрү', 'Вид социальной выплаты', 'Sosial ödənişin növü', 'Әлеуметтік төлем түрі', 'Type of social payment') },
      ],
    },
    {
      id: 'property',
      title: L('Турак жай жана мүлк', 'Жильё и имущество', 'Mənzil və əmlak', 'Тұрғын үй және мүлік', 'Housing and property'),
      fields: [
        { id: 'assignedHousing', kind: 'text', maxLength: 500, multiline: true, label: L('Бекитилген турак жай аянты', 'Закреплённая жилая площадь', 'Təhkim olunmuş yaşayış sahəsi', 'Бекітілген тұрғын үй алаңы', 'Assigned living space'), print: { span: 2 } },
        { id: 'otherProperty', kind: 'text', maxLength: 1000, multiline: true, label: L('Башка мүлктүн тизмеси', 'Перечень иного имущества', 'Digər əmlakın siyahısı', 'Басқа мүліктің тізімі', 'List of other property'), print: { span: 2 } },
      ],
    },
    {
      id: 'situation',
      title: L('Укуктук статусу жана кырдаалы', 'Правовой статус и ситуация', 'Hüquqi status və vəziyyət', 'Құқықтық мәртебесі және жағдайы', 'Legal status and situation'),
      fields: [
        { id: 'legalStatus', kind: 'choice', classifier: c.legalStatus, required: true, label: L('Баланын укуктук статусу', 'Правовой статус ребёнка', 'Uşağın hüquqi statusu', 'Баланың құқықтық мәртебесі', 'The child’s legal status') },
        {
          id: 'reasons',
          kind: 'group',
          required: true,
          minItems: 1,
          maxItems: 10,
          itemLabel: L('Себеби', 'Причина', 'Səbəb', 'Себебі', 'Reason'),
          label: L('Турмуштук оор кырдаалдын себептери', 'Причины трудной жизненной ситуации', 'Çətin həyat vəziyyətinin səbəbləri', 'Қиын өмірлік жағдайдың себептері', 'Reasons for the difficult life situation'),
          print: { span: 2 },
          fields: [
            { id: 'reason', kind: 'choice', classifier: c.reason, required: true, label: L('Себеби', 'Причина', 'Səbəb', 'Себебі', 'Reason') },
            { id: 'details', kind: 'text', maxLength: 500, requiredWhen: { field: 'reason', equals: 'other' }, label: L('Кененирээк', 'Подробнее', 'Ətraflı', 'Толығырақ', 'Details') },
          ],
        },
      ],
    },
    {
      id: 'needs',
      // §17: the information is not exhaustive and may be added to as the child's needs require.
      title: L('Баланын керектөөлөрү', 'Потребности ребёнка', 'Uşağın ehtiyacları', 'Баланың қажеттіліктері', 'The child’s needs'),
      fields: [
        {
          id: 'needs',
          kind: 'group',
          maxItems: 50,
          itemLabel: L('Керектөө', 'Потребность', 'Ehtiyac', 'Қажеттілік', 'Need'),
          label: L('Керектөөлөрдү камсыз кылуу үчүн зарыл маалымат', 'Сведения, необходимые для обеспечения потребностей', 'Ehtiyacların təmin edilməsi üçün zəruri məlumatlar', 'Қажеттіліктерді қамтамасыз ету үшін қажетті мәліметтер', 'Information needed to meet the child’s needs'),
          print: { span: 2 },
          fields: [
            { id: 'need', kind: 'choice', classifier: c.need, required: true, label: L('Керектөө', 'Потребность', 'Ehtiyac', 'Қажеттілік', 'Need') },
            { id: 'description', kind: 'text', maxLength: 1000, multiline: true, requiredWhen: { field: 'need', equals: 'other' }, label: L('Мазмуну', 'Описание', 'Təsviri', 'Сипаттамасы', 'Description') },
          ],
        },
      ],
    },
  ],
};
