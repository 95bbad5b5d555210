import type { FormDef } from '../../../forms/formTypes';
import { L } from '../../common/localised';
import { kgdClassifierIds as c } from '../classifierIds';
import { caseEditors, caseViewers } from '../roles';
import { childRecord } from './childRecord';
import { noteLabel } from './labels';

const about = { formId: childRecord.id };
const access = { view: caseViewers, edit: caseEditors };

/** §20: a change of a registered child's circumstances, entered within two working days of learning of it. */
export const circumstanceChange: FormDef = {
  id: 'kg-difficult.change',
  version: 1,
  title: L('Жашоо шарттарынын өзгөрүшү', 'Изменение жизненных обстоятельств', 'Həyat şəraitinin dəyişməsi', 'Өмір жағдайларының өзгеруі', 'Change of circumstances'),
  subject: about,
  deadline: { field: 'learnedOn', workingDays: 2 },
  access,
  sections: [
    {
      id: 'change',
      title: L('Өзгөрүү', 'Изменение', 'Dəyişiklik', 'Өзгеріс', 'Change'),
      fields: [
        { id: 'learnedOn', kind: 'date', notInFuture: true, required: true, label: L('Маалымат алынган күн', 'Дата получения сведений', 'Məlumatın alındığı tarix', 'Мәлімет алынған күн', 'Date the information was received') },
        { id: 'circumstance', kind: 'choice', classifier: c.circumstance, required: true, label: L('Эмне өзгөрдү', 'Что изменилось', 'Nə dəyişdi', 'Не өзгерді', 'What changed') },
        { id: 'description', kind: 'text', maxLength: 1000, multiline: true, required: true, label: L('Өзгөрүүнүн мазмуну', 'Содержание изменения', 'Dəyişikliyin məzmunu', 'Өзгерістің мазмұны', 'Description of the change'), print: { span: 2 } },
        { id: 'document', kind: 'text', maxLength: 300, label: L('Негиздеген документ', 'Подтверждающий документ', 'Təsdiqedici sənəd', 'Растайтын құжат', 'Supporting document') },
      ],
    },
  ],
};

/**
 * The case is closed (§20): after the protection plan, or without a comprehensive assessment with
 * the territorial authority's consent (the workflow's approval). The child's personal data stay.
 */
export const caseClosure: FormDef = {
  id: 'kg-difficult.closure',
  version: 1,
  title: L('Иштин токтотулушу', 'Прекращение работы по случаю', 'İşə xitam verilməsi', 'Жұмысты тоқтату', 'Closing the case'),
  subject: about,
  access,
  sections: [
    {
      id: 'closure',
      title: L('Токтотуу', 'Прекращение', 'Xitam', 'Тоқтату', 'Closure'),
      fields: [
        { id: 'closedOn', kind: 'date', notInFuture: true, required: true, label: L('Токтотулган күн', 'Дата прекращения', 'Xitam tarixi', 'Тоқтатылған күн', 'Date closed') },
        { id: 'withoutAssessment', kind: 'yesNo', required: true, label: L('Ар тараптуу баа берүүсүз', 'Без комплексной оценки', 'Hərtərəfli qiymətləndirmə olmadan', 'Жан-жақты бағалаусыз', 'Without a comprehensive assessment') },
        { id: 'reason', kind: 'choice', classifier: c.closureReason, required: true, label: L('Токтотуунун себеби', 'Причина прекращения', 'Xitam səbəbi', 'Тоқтату себебі', 'Reason for closing') },
        {
          id: 'consent',
          kind: 'text',
          maxLength: 300,
          requiredWhen: { field: 'withoutAssessment', equals: true },
          label: L('Аймактык түзүмдүн макулдугу (номери, датасы)', 'Согласие территориального подразделения (номер, дата)', 'Ərazi bölməsinin razılığı (nömrə, tarix)', 'Аумақтық бөлімшенің келісімі (нөмірі, күні)', 'Consent of the territorial department (number, date)'),
        },
        { id: 'note', kind: 'text', maxLength: 1000, multiline: true, label: noteLabel, print: { span: 2 } },
      ],
    },
  ],
};
