import type { FormDef } from '../../../forms/formTypes';
import { L } from '../../common/localised';
import { circumstanceClassifier, dischargeReasonClassifier } from '../eventClassifiers';
import { kgResidentialRoles as r } from '../roles';
import { pupilCard } from './pupilCard';

const access = pupilCard.access;
const note = { id: 'note', kind: 'text', maxLength: 1000, multiline: true, label: L('Эскертүү', 'Примечание', 'Qeyd', 'Ескертпе', 'Note'), print: { span: 2 } } as const;

/** A change of the child's circumstances (§18): entered within two working days of learning of it. */
export const changeEvent: FormDef = {
  id: 'kg-residential.change',
  version: 1,
  title: L('Жашоо шарттарынын өзгөрүшү', 'Изменение обстоятельств', 'Şəraitin dəyişməsi', 'Жағдайлардың өзгеруі', 'Change of circumstances'),
  subject: { formId: pupilCard.id },
  deadline: { field: 'changedOn', workingDays: 2 },
  access: access ?? { edit: [r.dataHolder] },
  sections: [
    {
      id: 'change',
      title: L('Өзгөрүү', 'Изменение', 'Dəyişiklik', 'Өзгеріс', 'Change'),
      fields: [
        { id: 'changedOn', kind: 'date', notInFuture: true, required: true, label: L('Маалымат алынган күнү', 'Дата получения сведений', 'Məlumatın alındığı tarix', 'Мәлімет алынған күні', 'Date the information was received') },
        { id: 'circumstance', kind: 'choice', classifier: circumstanceClassifier.id, required: true, label: L('Эмне өзгөрдү', 'Что изменилось', 'Nə dəyişdi', 'Не өзгерді', 'What changed') },
        { id: 'description', kind: 'text', maxLength: 1000, multiline: true, required: true, label: L('Өзгөрүүнүн мазмуну', 'Содержание изменения', 'Dəyişikliyin məzmunu', 'Өзгерістің мазмұны', 'Description of the change'), print: { span: 2 } },
        { id: 'document', kind: 'text', maxLength: 300, label: L('Негиздеген документ', 'Подтверждающий документ', 'Təsdiqedici sənəd', 'Растайтын құжат', 'Supporting document') },
      ],
    },
  ],
};

/** The child leaves the institution (§18): entered within two working days of leaving. */
export const dischargeEvent: FormDef = {
  id: 'kg-residential.discharge',
  version: 1,
  title: L('Мекемеден чыгуу', 'Выбытие из учреждения', 'Müəssisədən çıxma', 'Мекемеден шығу', 'Leaving the institution'),
  subject: { formId: pupilCard.id },
  deadline: { field: 'dischargedOn', workingDays: 2 },
  access: access ?? { edit: [r.dataHolder] },
  sections: [
    {
      id: 'discharge',
      title: L('Чыгуу', 'Выбытие', 'Çıxma', 'Шығу', 'Leaving'),
      fields: [
        { id: 'dischargedOn', kind: 'date', notInFuture: true, required: true, label: L('Чыккан күнү', 'Дата выбытия', 'Çıxma tarixi', 'Шыққан күні', 'Date of leaving') },
        { id: 'reason', kind: 'choice', classifier: dischargeReasonClassifier.id, required: true, label: L('Чыгуунун себеби', 'Причина выбытия', 'Çıxma səbəbi', 'Шығу себебі', 'Reason for leaving') },
        { id: 'destination', kind: 'text', maxLength: 300, label: L('Кайда кетти', 'Куда выбыл', 'Hara getdi', 'Қайда кетті', 'Where the child went'), print: { span: 2 } },
        { id: 'document', kind: 'text', maxLength: 300, label: L('Негиздеген документ', 'Основание (документ)', 'Əsas (sənəd)', 'Негіз (құжат)', 'Grounds (document)') },
        note,
      ],
    },
  ],
};
