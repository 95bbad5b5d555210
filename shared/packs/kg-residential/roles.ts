import type { RoleDef } from '../../forms/packTypes';
import { L } from '../common/localised';

/** Users of the system (§4–6): who registers, who enters, who only reads, who sees only totals. */
export const kgResidentialRoles = {
  systemOperator: 'system_operator',
  dataHolder: 'data_holder',
  centralReader: 'central_reader',
  departmentReader: 'department_reader',
  territorialReader: 'territorial_reader',
  localAdministration: 'local_administration',
} as const;

const r = kgResidentialRoles;

export const kgResidentialRoleDefs: readonly RoleDef[] = [
  { id: r.systemOperator, names: L('Системанын оператору', 'Оператор системы', 'Sistemin operatoru', 'Жүйе операторы', 'System operator') },
  {
    id: r.dataHolder,
    names: L('Жеке маалыматтарды кармоочу', 'Держатель персональных данных', 'Şəxsi məlumatların saxlayıcısı', 'Дербес деректерді ұстаушы', 'Data holder (institution)'),
  },
  { id: r.centralReader, names: L('Борбордук деңгээл', 'Центральный уровень', 'Mərkəzi səviyyə', 'Орталық деңгей', 'Central level (read only)'), reach: 'all' },
  { id: r.departmentReader, names: L('Ведомстволук деңгээл', 'Ведомственный уровень', 'İdarə səviyyəsi', 'Ведомстволық деңгей', 'Departmental level (read only)'), reach: 'department' },
  { id: r.territorialReader, names: L('Аймактык бөлүм', 'Территориальное подразделение', 'Ərazi bölməsi', 'Аумақтық бөлім', 'Territorial department (read only)'), reach: 'territory' },
  {
    id: r.localAdministration,
    names: L('Жергиликтүү мамлекеттик администрация', 'Местная государственная администрация', 'Yerli dövlət administrasiyası', 'Жергілікті мемлекеттік әкімшілік', 'Local state administration (totals only)'),
    aggregateOnly: true,
  },
];
