import type { RoleDef } from '../../forms/packTypes';
import { L } from '../common/localised';

/**
 * Users of the database of children in difficult life situations (§5–8, §15, §26). The ids are
 * Pack 2's own: no Pack 1 role may ever read a Pack 2 record once both packs are registered.
 */
export const kgDifficultRoles = {
  /** §5, §15: registers users and the responsible specialists (§16); sees no child's record. */
  administrator: 'kgd_administrator',
  /** §5, §8, §26: the data holders' responsible specialists (territorial state bodies, local self-government) enter and update. */
  specialist: 'kgd_specialist',
  /** §6–7: the territorial departments read their district or city without editing; §20: consent to closing without assessment. */
  territorial: 'kgd_territorial',
  /** §6–7: the authorised body and central bodies read the whole republic without editing. */
  central: 'kgd_central',
} as const;

const r = kgDifficultRoles;

export const kgDifficultRoleDefs: readonly RoleDef[] = [
  { id: r.administrator, names: L('Базанын администратору', 'Администратор базы', 'Bazanın administratoru', 'Базаның әкімшісі', 'Database administrator'), reach: 'all' },
  {
    id: r.specialist,
    names: L('Жооптуу адис', 'Ответственный специалист', 'Məsul mütəxəssis', 'Жауапты маман', 'Responsible specialist'),
  },
  {
    id: r.territorial,
    names: L(
      'Балдарды коргоо боюнча ыйгарым укуктуу органдын аймактык бөлүмү',
      'Территориальное подразделение уполномоченного органа по защите детей',
      'Uşaqların müdafiəsi üzrə səlahiyyətli orqanın ərazi bölməsi',
      'Балаларды қорғау жөніндегі уәкілетті органның аумақтық бөлімшесі',
      'Territorial department of the child protection authority (read only)',
    ),
    reach: 'territory',
  },
  {
    id: r.central,
    names: L('Борбордук деңгээл', 'Центральный уровень', 'Mərkəzi səviyyə', 'Орталық деңгей', 'Central level (read only)'),
    reach: 'all',
  },
];

/** Who sees a child's case (§7): the specialists, the territorial departments and the central bodies. */
export const caseViewers = [r.specialist, r.territorial, r.central] as const;
/** Who enters and updates it (§8). */
export const caseEditors = [r.specialist] as const;
