import type { FieldDef, FormDef } from '../../../forms/formTypes';
import { L } from '../../common/localised';
import { kgdClassifierIds as c } from '../classifierIds';
import { caseEditors, caseViewers } from '../roles';
import { childRecord } from './childRecord';
import { noteLabel } from './labels';

const about = { formId: childRecord.id };
const access = { view: caseViewers, edit: caseEditors };
const text = (id: string, label: FieldDef['label'], required = false): FieldDef => ({ id, kind: 'text', maxLength: 2000, multiline: true, ...(required ? { required } : {}), label, print: { span: 2 } });

/** §13, §19: the initial information on the child, entered within two working days of the report. */
export const initialInformation: FormDef = {
  id: 'kg-difficult.initialInformation',
  version: 1,
  title: L('Бала жөнүндө баштапкы маалымат', 'Первичная информация о ребёнке', 'Uşaq haqqında ilkin məlumat', 'Бала туралы бастапқы ақпарат', 'Initial information on the child'),
  subject: about,
  deadline: { field: 'reportedOn', workingDays: 2 },
  access,
  sections: [
    {
      id: 'initial',
      title: L('Баштапкы маалымат', 'Первичная информация', 'İlkin məlumat', 'Бастапқы ақпарат', 'Initial information'),
      fields: [
        { id: 'reportedOn', kind: 'date', notInFuture: true, required: true, label: L('Бала жөнүндө кабар түшкөн күн', 'Дата поступления сообщения о ребёнке', 'Uşaq haqqında məlumatın daxil olduğu tarix', 'Бала туралы хабар түскен күн', 'Date the report on the child was received') },
        { id: 'source', kind: 'choice', classifier: c.informationSource, required: true, label: L('Маалыматтын булагы', 'Источник сведений', 'Məlumat mənbəyi', 'Мәліметтің көзі', 'Source of the report') },
        text('circumstances', L('Баланын абалы жана жагдайлары', 'Положение ребёнка и обстоятельства', 'Uşağın vəziyyəti və halları', 'Баланың жағдайы мен мән-жайлары', 'The child’s situation and circumstances'), true),
        text('urgentMeasures', L('Көрүлгөн шашылыш чаралар', 'Принятые неотложные меры', 'Görülmüş təxirəsalınmaz tədbirlər', 'Қабылданған шұғыл шаралар', 'Urgent measures taken')),
      ],
    },
  ],
};

/** §13, §19: the comprehensive assessment of the child, within seven working days of the child being found. */
export const assessment: FormDef = {
  id: 'kg-difficult.assessment',
  version: 1,
  title: L('Балага ар тараптуу баа берүү', 'Комплексная оценка ребёнка', 'Uşağın hərtərəfli qiymətləndirilməsi', 'Баланы жан-жақты бағалау', 'Comprehensive assessment of the child'),
  subject: about,
  access,
  sections: [
    {
      id: 'assessment',
      title: L('Баа берүү', 'Оценка', 'Qiymətləndirmə', 'Бағалау', 'Assessment'),
      fields: [
        { id: 'assessedOn', kind: 'date', notInFuture: true, required: true, label: L('Баа берилген күн', 'Дата проведения оценки', 'Qiymətləndirmənin tarixi', 'Бағалау жүргізілген күн', 'Date of the assessment') },
        text('health', L('Ден соолугу жана өнүгүүсү', 'Здоровье и развитие', 'Sağlamlıq və inkişaf', 'Денсаулығы және дамуы', 'Health and development')),
        text('education', L('Билим алуусу', 'Образование', 'Təhsil', 'Білім алуы', 'Education')),
        text('family', L('Үй-бүлөсү жана ата-энесинин мүмкүнчүлүктөрү', 'Семья и возможности родителей', 'Ailə və valideynlərin imkanları', 'Отбасы және ата-анасының мүмкіндіктері', 'Family and the parents’ capacity')),
        text('living', L('Турмуш-тиричилик шарттары', 'Жилищно-бытовые условия', 'Mənzil-məişət şəraiti', 'Тұрмыстық жағдайлары', 'Living conditions')),
        text('safety', L('Коопсуздугуна коркунуч', 'Угрозы безопасности', 'Təhlükəsizliyə təhdidlər', 'Қауіпсіздігіне қатер', 'Threats to safety')),
        text('conclusion', L('Баа берүүнүн корутундусу', 'Заключение по итогам оценки', 'Qiymətləndirmənin nəticəsi', 'Бағалау қорытындысы', 'Conclusion of the assessment'), true),
      ],
    },
  ],
};

/** §3, §13: the individual child protection plan — its activities, responsible specialists, dates and execution. */
export const protectionPlan: FormDef = {
  id: 'kg-difficult.plan',
  version: 1,
  title: L('Баланы коргоонун жеке планы', 'Индивидуальный план защиты ребёнка', 'Uşağın müdafiəsinin fərdi planı', 'Баланы қорғаудың жеке жоспары', 'Individual child protection plan'),
  subject: about,
  access,
  sections: [
    {
      id: 'plan',
      title: L('План', 'План', 'Plan', 'Жоспар', 'Plan'),
      fields: [
        { id: 'adoptedOn', kind: 'date', notInFuture: true, required: true, label: L('План түзүлгөн күн', 'Дата составления плана', 'Planın tərtib edildiyi tarix', 'Жоспар жасалған күн', 'Date the plan was drawn up') },
        text('goal', L('Пландын максаты', 'Цель плана', 'Planın məqsədi', 'Жоспардың мақсаты', 'Goal of the plan'), true),
        {
          id: 'activities',
          kind: 'group',
          required: true,
          minItems: 1,
          maxItems: 50,
          itemLabel: L('Иш-чара', 'Мероприятие', 'Tədbir', 'Іс-шара', 'Activity'),
          label: L('Пландын иш-чаралары', 'Мероприятия плана', 'Planın tədbirləri', 'Жоспардың іс-шаралары', 'Activities of the plan'),
          print: { span: 2 },
          fields: [
            { id: 'activity', kind: 'text', maxLength: 500, required: true, label: L('Иш-чара', 'Мероприятие', 'Tədbir', 'Іс-шара', 'Activity') },
            {
              id: 'specialist',
              kind: 'text',
              maxLength: 300,
              required: true,
              label: L('Жооптуу адис (аты-жөнү, органы)', 'Ответственный специалист (ФИО, орган)', 'Məsul mütəxəssis (adı, orqanı)', 'Жауапты маман (аты-жөні, органы)', 'Responsible specialist (name, body)'),
            },
            { id: 'plannedOn', kind: 'date', required: true, label: L('Пландалган мөөнөт', 'Плановый срок', 'Planlaşdırılmış müddət', 'Жоспарлы мерзім', 'Planned date') },
            { id: 'executedOn', kind: 'date', notInFuture: true, label: L('Аткарылган күн', 'Дата исполнения', 'İcra tarixi', 'Орындалған күні', 'Date carried out') },
            { id: 'result', kind: 'choice', classifier: c.activityResult, requiredWhen: { field: 'executedOn', filled: true }, label: L('Жыйынтыгы', 'Результат', 'Nəticə', 'Нәтижесі', 'Result') },
            { id: 'resultNote', kind: 'text', maxLength: 1000, label: noteLabel },
          ],
        },
      ],
    },
  ],
};
