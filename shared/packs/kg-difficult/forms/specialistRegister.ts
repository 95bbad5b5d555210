import type { FormDef } from '../../../forms/formTypes';
import { L } from '../../common/localised';
import { kgdClassifierIds as c } from '../classifierIds';
import { kgDifficultRoles as r } from '../roles';
import { addressLabel, districtLabel, fullName, pinHint, pinLabel } from './labels';

/**
 * The register of responsible specialists (§16): those who define or carry out a protection
 * plan's activities. Kept by the database administrator (§5, §15), read by every Pack 2 role.
 */
export const specialistRegister: FormDef = {
  id: 'kg-difficult.specialist',
  version: 1,
  title: L('Жооптуу адисти каттоо', 'Регистрация ответственного специалиста', 'Məsul mütəxəssisin qeydiyyatı', 'Жауапты маманды тіркеу', 'Responsible specialist registration'),
  titleField: 'specialistName',
  identity: { pin: 'pin', name: 'specialistName' },
  access: { view: [r.administrator, r.specialist, r.territorial, r.central], edit: [r.administrator] },
  sections: [
    {
      id: 'body',
      title: L('Мамлекеттик орган', 'Государственный орган', 'Dövlət orqanı', 'Мемлекеттік орган', 'State body'),
      fields: [
        { id: 'bodyName', kind: 'text', maxLength: 300, required: true, label: L('Мамлекеттик органдын аталышы', 'Наименование государственного органа', 'Dövlət orqanının adı', 'Мемлекеттік органның атауы', 'Name of the state body'), print: { span: 2 } },
        {
          id: 'tin',
          kind: 'text',
          maxLength: 14,
          required: true,
          label: L('Салык төлөөчүнүн жеке номери (ИСН)', 'Идентификационный налоговый номер (ИНН)', 'Vergi ödəyicisinin eyniləşdirmə nömrəsi (VÖEN)', 'Салық төлеушінің сәйкестендіру нөмірі (СТН)', 'Taxpayer identification number (TIN)'),
          hint: pinHint,
        },
        { id: 'territory', kind: 'territory', classifier: c.territory, required: true, label: districtLabel },
        { id: 'address', kind: 'text', maxLength: 300, required: true, label: addressLabel, print: { span: 2 } },
        { id: 'structure', kind: 'text', maxLength: 300, required: true, label: L('Ведомствого караштуу түзүм', 'Ведомственная структура', 'İdarə strukturu', 'Ведомстволық құрылым', 'Departmental structure'), print: { span: 2 } },
      ],
    },
    {
      id: 'specialist',
      title: L('Адис', 'Специалист', 'Mütəxəssis', 'Маман', 'Specialist'),
      fields: [
        { id: 'specialistName', kind: 'personName', patronymic: 'optional', required: true, label: fullName, print: { span: 2 } },
        { id: 'pin', kind: 'pin', country: 'KG', required: true, label: pinLabel, hint: pinHint },
        { id: 'position', kind: 'text', maxLength: 200, required: true, label: L('Кызмат орду', 'Должность', 'Vəzifəsi', 'Лауазымы', 'Position') },
      ],
    },
  ],
};
