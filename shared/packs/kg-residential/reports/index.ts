import type { PackReports } from '../../../reports/reportTypes';
import { L } from '../../common/localised';
import { pupils } from './populations';
import { kgStatistics } from './statistics';

const pupilList = {
  id: 'kg-residential.pupilList',
  title: L('Тарбиялануучулардын тизмеси', 'Список воспитанников', 'Tərbiyəalanların siyahısı', 'Тәрбиеленушілер тізімі', 'List of pupils'),
  legalReference: L(
    'Интернат тибиндеги балдар мекемелеринин автоматташтырылган маалыматтык-аналитикалык системасын эксплуатациялоо тартиби, 15-пункт, 23-пункт (жашырын маалымат)',
    'Порядок эксплуатации автоматизированной информационно-аналитической системы детских учреждений интернатного типа, пункт 15, пункт 23 (конфиденциальная информация)',
    'İnternat tipli uşaq müəssisələrinin avtomatlaşdırılmış informasiya-analitik sisteminin istismarı qaydası, 15-ci bənd, 23-cü bənd (məxfi məlumat)',
    'Интернат үлгісіндегі балалар мекемелерінің автоматтандырылған ақпараттық-талдау жүйесін пайдалану тәртібі, 15-тармақ, 23-тармақ (құпия ақпарат)',
    'Order of operation of the automated information and analytical system of residential children’s institutions, §15, §23 (confidential)',
  ),
  populations: [pupils],
  tables: [],
  lists: [
    {
      id: 'pupils',
      title: L('Тарбиялануучулар', 'Воспитанники', 'Tərbiyəalanlar', 'Тәрбиеленушілер', 'Pupils'),
      population: pupils.id,
      columns: [
        ...['name', 'sex', 'birthDate', 'pin', 'admittedOn', 'cameFrom', 'placementTerm', 'legalStatus', 'disability'].map((field) => ({ field })),
        { holder: true as const, label: L('Мекеме', 'Учреждение', 'Müəssisə', 'Мекеме', 'Institution') },
      ],
    },
  ],
};

/** Pack 1's reports (§21–22) and the criteria search on its pupil card (after Pack 3 §1.9). */
export const kgResidentialReports: PackReports = {
  reports: [kgStatistics, pupilList],
  suppressBelow: 5,
  criteriaSearch: {
    population: pupils,
    criteria: [
      { field: 'disability' },
      { field: 'placementTerm' },
      { field: 'cameFrom', byRegion: true },
      { field: 'sex' },
      { field: 'legalStatus' },
      { field: 'placementReason' },
      { field: 'referringBody' },
      { field: 'socialPayment' },
      { field: 'hasParents' },
    ],
  },
};
