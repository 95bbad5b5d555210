import type { Dimension, Measure, ReportDef, ReportTableDef } from '../../../reports/reportTypes';
import { L } from '../../common/localised';
import { kgdClassifierIds as c } from '../classifierIds';
import { kgDifficultWorkflow } from '../workflow';
import { activityStatusLabels, stepOutcomeLabels } from './labels';
import { identifiedChildren, protectionPlans } from './populations';

const children: Measure = { id: 'count', kind: 'count', label: L('Балдардын саны', 'Количество детей', 'Uşaqların sayı', 'Балалар саны', 'Number of children') };
const withDisability: Measure = {
  id: 'disability',
  kind: 'countWhere',
  field: 'disability',
  equals: true,
  label: L('Анын ичинде майыптуулугу бар балдар', 'В том числе дети с инвалидностью', 'O cümlədən əlilliyi olan uşaqlar', 'Оның ішінде мүгедектігі бар балалар', 'Of whom with a disability'),
};
const withMigrantParents: Measure = {
  id: 'migrantParents',
  kind: 'countWhere',
  field: 'migrantParents',
  equals: true,
  label: L('Анын ичинде ата-энелери мигрант балдар', 'В том числе дети родителей-мигрантов', 'O cümlədən valideynləri miqrant olan uşaqlar', 'Оның ішінде ата-анасы мигрант балалар', 'Of whom with migrant parents'),
};
const bySex: Dimension = { kind: 'code', field: 'sex', classifier: c.sex };
const placeLabel = L('Облус, шаар', 'Область, город', 'Vilayət, şəhər', 'Облыс, қала', 'Region or city');

/** A table of the children found in the period, split by sex (§22: "taking the gender aspect into account"). */
const childTable = (id: string, title: ReportTableDef['title'], rows: Dimension, rowsLabel: ReportTableDef['rowsLabel'], extra: Partial<ReportTableDef> = {}): ReportTableDef => ({
  id, title, population: identifiedChildren.id, rows, rowsLabel, split: bySex, measures: [], ...extra,
});

/** Pack 2 §22: the statistics of the database's information module. */
export const kgDifficultStatistics: ReportDef = {
  id: 'kg-difficult.statistics',
  title: L(
    'Турмуштук оор кырдаалда турган балдар: статистикалык отчет',
    'Дети, находящиеся в трудной жизненной ситуации: статистический отчёт',
    'Çətin həyat vəziyyətində olan uşaqlar: statistik hesabat',
    'Қиын өмірлік жағдайдағы балалар: статистикалық есеп',
    'Children in difficult life situations: statistical report',
  ),
  legalReference: L(
    'Турмуштук оор кырдаалда турган балдардын маалыматынын автоматташтырылган базасын түзүү жана пайдалануу жөнүндө жобо, 22-пункт',
    'Положение о создании и использовании автоматизированной базы данных о детях, находящихся в трудной жизненной ситуации, пункт 22',
    'Çətin həyat vəziyyətində olan uşaqlar haqqında avtomatlaşdırılmış məlumat bazasının yaradılması və istifadəsi haqqında Əsasnamə, 22-ci bənd',
    'Қиын өмірлік жағдайдағы балалар туралы автоматтандырылған деректер базасын құру және пайдалану туралы ереже, 22-тармақ',
    'Regulation on the creation and use of the automated database of children in difficult life situations, §22',
  ),
  populations: [identifiedChildren, protectionPlans],
  tables: [
    {
      id: 'identifiedBySex',
      title: L('Тобокел абалда болгондугу аныкталган балдар, жынысы боюнча', 'Дети, выявленные в ситуации риска, по полу', 'Risk vəziyyətində aşkar edilmiş uşaqlar, cinsə görə', 'Тәуекел жағдайында екені анықталған балалар, жынысы бойынша', 'Children identified at risk, by sex'),
      population: identifiedChildren.id,
      rows: bySex,
      rowsLabel: L('Жынысы', 'Пол', 'Cinsi', 'Жынысы', 'Sex'),
      measures: [children, withDisability, withMigrantParents],
      chart: true,
    },
    childTable(
      'disabilityBySex',
      L('Турмуштук оор кырдаалда турган балдар, анын ичинде майыптуулугу бар балдар, жынысы боюнча', 'Дети в трудной жизненной ситуации, в том числе дети с инвалидностью, по полу', 'Çətin həyat vəziyyətində olan uşaqlar, o cümlədən əlilliyi olan uşaqlar, cinsə görə', 'Қиын өмірлік жағдайдағы балалар, оның ішінде мүгедектігі бар балалар, жынысы бойынша', 'Children in difficult life situations, including those with a disability, by sex'),
      { kind: 'yesNo', field: 'disability' },
      L('Майыптуулугу', 'Инвалидность', 'Əlillik', 'Мүгедектігі', 'Disability'),
    ),
    childTable(
      'migrantParentsBySex',
      L('Ата-энелери мигрант балдар, жынысы боюнча', 'Дети родителей-мигрантов, по полу', 'Valideynləri miqrant olan uşaqlar, cinsə görə', 'Ата-анасы мигрант балалар, жынысы бойынша', 'Children whose parents are migrants, by sex'),
      { kind: 'yesNo', field: 'migrantParents' },
      L('Ата-энеси мигрант', 'Родители — мигранты', 'Valideynləri miqrantdır', 'Ата-анасы — мигрант', 'Parents are migrants'),
    ),
    childTable(
      'byReason',
      L('Оор турмуштук кырдаалга кабылуусунун себептери', 'Причины трудной жизненной ситуации', 'Çətin həyat vəziyyətinə düşmənin səbəbləri', 'Қиын өмірлік жағдайға тап болу себептері', 'Reasons for the difficult life situation'),
      { kind: 'groupItem', group: 'reasons', field: 'reason', classifier: c.reason },
      L('Себеби', 'Причина', 'Səbəb', 'Себебі', 'Reason'),
      {
        chart: true,
        totalsLabel: L(
          'Бардык балдар (ар бири бир жолу; бир нече себеби бар бала ар бир себебинде эсептелет)',
          'Всего детей (каждый один раз; ребёнок с несколькими причинами учтён по каждой)',
          'Cəmi uşaqlar (hər biri bir dəfə; bir neçə səbəbi olan uşaq hər səbəb üzrə sayılır)',
          'Барлық балалар (әрқайсысы бір рет; бірнеше себебі бар бала әр себеп бойынша есептеледі)',
          'All children (each once; a child with several reasons is counted under each)',
        ),
      },
    ),
    childTable(
      'byLegalStatus',
      L('Балдар укуктук статусу боюнча', 'Дети по правовому статусу', 'Uşaqlar hüquqi statusa görə', 'Балалар құқықтық мәртебесі бойынша', 'Children by legal status'),
      { kind: 'code', field: 'legalStatus', classifier: c.legalStatus },
      L('Укуктук статусу', 'Правовой статус', 'Hüquqi status', 'Құқықтық мәртебесі', 'Legal status'),
    ),
    childTable(
      'byCaseStatus',
      L('Балдар иштин абалы боюнча (мезгилдин акырына)', 'Дети по состоянию работы по случаю (на конец периода)', 'Uşaqlar işin vəziyyətinə görə (dövrün sonuna)', 'Балалар іс жағдайы бойынша (кезең соңына)', 'Children by case status (at the end of the period)'),
      { kind: 'caseState', workflow: kgDifficultWorkflow.id },
      L('Иштин абалы', 'Состояние работы', 'İşin vəziyyəti', 'Іс жағдайы', 'Case status'),
    ),
    childTable(
      'byRegionFound',
      L('Облустар боюнча аныкталган балдар', 'Выявленные дети по областям', 'Vilayətlər üzrə aşkar edilmiş uşaqlar', 'Облыстар бойынша анықталған балалар', 'Children found, by region'),
      { kind: 'region', field: 'foundTerritory', classifier: c.territory },
      placeLabel,
      { chart: true },
    ),
    childTable(
      'byDistrictFound',
      L('Райондор жана шаарлар боюнча аныкталган балдар', 'Выявленные дети по районам и городам', 'Rayonlar və şəhərlər üzrə aşkar edilmiş uşaqlar', 'Аудандар мен қалалар бойынша анықталған балалар', 'Children found, by district or city'),
      { kind: 'code', field: 'foundTerritory', classifier: c.territory },
      L('Район, шаар', 'Район, город', 'Rayon, şəhər', 'Аудан, қала', 'District or city'),
    ),
    {
      id: 'planActivities',
      title: L(
        'Баланы коргоонун жеке пландарынын иш-чараларын аткаруунун жыйынтыктары',
        'Результаты выполнения мероприятий индивидуальных планов защиты ребёнка',
        'Uşağın müdafiəsinin fərdi planlarının tədbirlərinin icrasının nəticələri',
        'Баланы қорғаудың жеке жоспарлары іс-шараларын орындау нәтижелері',
        'Results of the activities of individual child protection plans',
      ),
      population: protectionPlans.id,
      rows: { kind: 'taskStatus', group: 'activities', plannedField: 'plannedOn', doneField: 'executedOn', resultField: 'result', resultClassifier: c.activityResult, labels: activityStatusLabels },
      rowsLabel: L('Иш-чаранын абалы', 'Состояние мероприятия', 'Tədbirin vəziyyəti', 'Іс-шараның жағдайы', 'Status of the activity'),
      measures: [{ id: 'count', kind: 'count', label: L('Иш-чаралардын саны', 'Количество мероприятий', 'Tədbirlərin sayı', 'Іс-шаралар саны', 'Number of activities') }],
    },
    {
      id: 'monitoring',
      title: L(
        'Мониторинг: иштин кадамдарынын мөөнөттөрүнүн сакталышы',
        'Мониторинг: соблюдение сроков этапов работы по случаю',
        'Monitorinq: işin mərhələlərinin müddətlərinə əməl olunması',
        'Мониторинг: іс кезеңдері мерзімдерінің сақталуы',
        'Monitoring: deadlines of the case steps',
      ),
      population: identifiedChildren.id,
      rows: { kind: 'caseStep', workflow: kgDifficultWorkflow.id },
      rowsLabel: L('Кадам', 'Этап', 'Mərhələ', 'Кезең', 'Step'),
      split: { kind: 'stepOutcome', workflow: kgDifficultWorkflow.id, labels: stepOutcomeLabels },
      measures: [],
    },
  ],
  lists: [],
};
