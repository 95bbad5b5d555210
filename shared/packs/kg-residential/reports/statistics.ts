import type { Dimension, Measure, ReportDef, ReportTableDef } from '../../../reports/reportTypes';
import { L } from '../../common/localised';
import { kgClassifierIds as c } from '../classifierIds';
import { accreditationLabels, ageBands, stayBands } from './bands';
import { institutions, pupils } from './populations';

const count: Measure = { id: 'count', kind: 'count', label: L('Саны', 'Количество', 'Sayı', 'Саны', 'Number') };
const capacity: Measure = { id: 'capacity', kind: 'sum', field: 'plannedCapacity', label: L('Пландуу кубаттуулугу (орун)', 'Плановая мощность (мест)', 'Planlaşdırılmış tutum (yer)', 'Жоспарлы қуаты (орын)', 'Planned capacity (places)') };
const withDisability: Measure = {
  id: 'disability',
  kind: 'countWhere',
  field: 'disability',
  equals: true,
  label: L('Анын ичинде майыптыгы бар балдар', 'В том числе детей с инвалидностью', 'O cümlədən əlilliyi olan uşaqlar', 'Оның ішінде мүгедектігі бар балалар', 'Of whom with a disability'),
};
const bySex: Dimension = { kind: 'code', field: 'sex', classifier: c.sex };

const institutionTable = (id: string, title: ReportTableDef['title'], rows: Dimension, rowsLabel: ReportTableDef['rowsLabel'], chart = false): ReportTableDef => ({
  id, title, population: institutions.id, rows, rowsLabel, measures: [count, capacity], chart,
});

const pupilTable = (id: string, title: ReportTableDef['title'], rows: Dimension, rowsLabel: ReportTableDef['rowsLabel'], extra: { chart?: boolean; disability?: boolean } = {}): ReportTableDef => ({
  id, title, population: pupils.id, rows, rowsLabel, split: bySex, measures: extra.disability ? [withDisability] : [], chart: extra.chart ?? false,
});

/** Pack 1 §13.3, §21: the statistics the information module holds, published twice a year in aggregate (§22). */
export const kgStatistics: ReportDef = {
  id: 'kg-residential.statistics',
  title: L(
    'Интернат тибиндеги балдар мекемелери жана алардагы балдар: статистикалык отчет',
    'Детские учреждения интернатного типа и дети в них: статистический отчёт',
    'İnternat tipli uşaq müəssisələri və onlardakı uşaqlar: statistik hesabat',
    'Интернат үлгісіндегі балалар мекемелері және ондағы балалар: статистикалық есеп',
    'Residential children’s institutions and the children in them: statistical report',
  ),
  legalReference: L(
    'Интернат тибиндеги балдар мекемелеринин автоматташтырылган маалыматтык-аналитикалык системасын эксплуатациялоо тартиби, 13-пункттун 3-пунктчасы, 21–22-пункттар',
    'Порядок эксплуатации автоматизированной информационно-аналитической системы детских учреждений интернатного типа, подпункт 3 пункта 13, пункты 21–22',
    'İnternat tipli uşaq müəssisələrinin avtomatlaşdırılmış informasiya-analitik sisteminin istismarı qaydası, 13-cü bəndin 3-cü yarımbəndi, 21–22-ci bəndlər',
    'Интернат үлгісіндегі балалар мекемелерінің автоматтандырылған ақпараттық-талдау жүйесін пайдалану тәртібі, 13-тармақтың 3-тармақшасы, 21–22-тармақтар',
    'Order of operation of the automated information and analytical system of residential children’s institutions, §13 (3), §21–22',
  ),
  populations: [institutions, pupils],
  tables: [
    institutionTable('institutionsByOwnership', L('Мекемелер менчигинин түрү боюнча', 'Учреждения по форме собственности', 'Müəssisələr mülkiyyət formasına görə', 'Мекемелер меншік нысаны бойынша', 'Institutions by form of ownership'), { kind: 'code', field: 'ownershipForm', classifier: c.ownership }, L('Менчигинин түрү', 'Форма собственности', 'Mülkiyyət forması', 'Меншік нысаны', 'Form of ownership')),
    institutionTable('institutionsByType', L('Мекемелер түрү боюнча', 'Учреждения по типу', 'Müəssisələr növünə görə', 'Мекемелер түрі бойынша', 'Institutions by type'), { kind: 'code', field: 'institutionType', classifier: c.institutionType }, L('Мекеменин түрү', 'Тип учреждения', 'Müəssisənin növü', 'Мекеменің түрі', 'Type of institution')),
    institutionTable('institutionsByDepartment', L('Мекемелер ведомстволук тиешелүүлүгү боюнча', 'Учреждения по ведомственной принадлежности', 'Müəssisələr idarə mənsubiyyətinə görə', 'Мекемелер ведомстволық тиесілілігі бойынша', 'Institutions by departmental affiliation'), { kind: 'code', field: 'department', classifier: c.department }, L('Ведомстволук тиешелүүлүгү', 'Ведомственная принадлежность', 'İdarə mənsubiyyəti', 'Ведомстволық тиесілілігі', 'Departmental affiliation')),
    institutionTable('institutionsByRegion', L('Мекемелер облус боюнча', 'Учреждения по областям', 'Müəssisələr vilayətlər üzrə', 'Мекемелер облыстар бойынша', 'Institutions by region'), { kind: 'region', field: 'territory', classifier: c.territory }, L('Облус, шаар', 'Область, город', 'Vilayət, şəhər', 'Облыс, қала', 'Region or city'), true),
    institutionTable('institutionsByAccreditation', L('Мекемелердин аккредитациясы', 'Аккредитация учреждений', 'Müəssisələrin akkreditasiyası', 'Мекемелердің аккредиттелуі', 'Accreditation of institutions'), { kind: 'dateStatus', field: 'accreditationValidUntil', warnDays: 60, labels: accreditationLabels }, L('Аккредитациянын абалы', 'Состояние аккредитации', 'Akkreditasiyanın vəziyyəti', 'Аккредиттеу жағдайы', 'Accreditation status')),
    pupilTable('pupilsByInstitution', L('Ар бир мекемедеги балдар', 'Дети в каждом учреждении', 'Hər müəssisədəki uşaqlar', 'Әр мекемедегі балалар', 'Children in each institution'), { kind: 'holder' }, L('Мекеме', 'Учреждение', 'Müəssisə', 'Мекеме', 'Institution'), { disability: true }),
    pupilTable('pupilsBySex', L('Балдар жынысы жана майыптыгы боюнча', 'Дети по полу и инвалидности', 'Uşaqlar cinsə və əlilliyə görə', 'Балалар жынысы және мүгедектігі бойынша', 'Children by sex and disability'), { kind: 'yesNo', field: 'disability' }, L('Майыптыгы', 'Инвалидность', 'Əlillik', 'Мүгедектігі', 'Disability'), { chart: true }),
    pupilTable('pupilsByAge', L('Балдар жаш курагы боюнча', 'Дети по возрастным группам', 'Uşaqlar yaş qruplarına görə', 'Балалар жас топтары бойынша', 'Children by age group'), { kind: 'yearsSince', field: 'birthDate', bands: ageBands }, L('Жаш курагы', 'Возраст', 'Yaş', 'Жасы', 'Age'), { chart: true, disability: true }),
    pupilTable('pupilsByPlacementTerm', L('Балдардын мекемеде болуу формасы', 'Формы пребывания детей', 'Uşaqların qalma formaları', 'Балалардың болу нысандары', 'Forms of stay'), { kind: 'code', field: 'placementTerm', classifier: c.placementTerm }, L('Жайгаштыруу мөөнөтү', 'Срок устройства', 'Yerləşdirmə müddəti', 'Орналастыру мерзімі', 'Placement term')),
    pupilTable('pupilsByLegalStatus', L('Балдар укуктук статусу боюнча', 'Дети по правовому статусу', 'Uşaqlar hüquqi statusa görə', 'Балалар құқықтық мәртебесі бойынша', 'Children by legal status'), { kind: 'code', field: 'legalStatus', classifier: c.legalStatus }, L('Укуктук статусу', 'Правовой статус', 'Hüquqi status', 'Құқықтық мәртебесі', 'Legal status')),
    pupilTable('pupilsByReferringBody', L('Жайгаштыруунун негиздери (жиберген орган)', 'Основания устройства (направивший орган)', 'Yerləşdirmənin əsasları (göndərən orqan)', 'Орналастыру негіздері (жіберген орган)', 'Grounds for placement (referring body)'), { kind: 'code', field: 'referringBody', classifier: c.referringBody }, L('Жиберген орган', 'Направивший орган', 'Göndərən orqan', 'Жіберген орган', 'Referring body')),
    pupilTable('pupilsByPlacementReason', L('Жайгаштыруунун себептери', 'Причины устройства', 'Yerləşdirmənin səbəbləri', 'Орналастыру себептері', 'Reasons for placement'), { kind: 'code', field: 'placementReason', classifier: c.placementReason }, L('Себеби', 'Причина', 'Səbəb', 'Себебі', 'Reason')),
    pupilTable('pupilsByRegionOfOrigin', L('Балдар келген облусу боюнча', 'Дети по области, откуда прибыли', 'Uşaqlar gəldikləri vilayətə görə', 'Балалар келген облысы бойынша', 'Children by region of origin'), { kind: 'region', field: 'cameFrom', classifier: c.territory }, L('Облус, шаар', 'Область, город', 'Vilayət, şəhər', 'Облыс, қала', 'Region or city'), { chart: true, disability: true }),
    pupilTable('pupilsByDistrictOfOrigin', L('Балдар келген району, шаары боюнча', 'Дети по району, городу, откуда прибыли', 'Uşaqlar gəldikləri rayona, şəhərə görə', 'Балалар келген ауданы, қаласы бойынша', 'Children by district or city of origin'), { kind: 'code', field: 'cameFrom', classifier: c.territory }, L('Район, шаар', 'Район, город', 'Rayon, şəhər', 'Аудан, қала', 'District or city')),
    pupilTable('pupilsByStay', L('Мекемеде болуу мөөнөтү', 'Длительность пребывания', 'Qalma müddəti', 'Болу ұзақтығы', 'Length of stay'), { kind: 'monthsSince', field: 'admittedOn', bands: stayBands }, L('Мөөнөтү', 'Длительность', 'Müddət', 'Ұзақтығы', 'Length')),
  ],
  lists: [
    {
      id: 'institutionList',
      title: L('Мекемелердин тизмеси', 'Список учреждений', 'Müəssisələrin siyahısı', 'Мекемелер тізімі', 'List of institutions'),
      population: institutions.id,
      columns: ['fullName', 'institutionType', 'ownershipForm', 'department', 'territory', 'plannedCapacity', 'accreditationCertificate', 'accreditationValidUntil'].map((field) => ({ field })),
    },
  ],
};
