import type { Classifier } from '../../forms/classifier';
import { L } from './localised';

/** Sex as the PIN formats encode it; the codes are what the PIN check compares. */
export const sexClassifier: Classifier = {
  id: 'common.sex',
  version: '2026.1',
  source: 'PIN formats of the Kyrgyz Republic, Kazakhstan',
  names: L('Жынысы', 'Пол', 'Cins', 'Жынысы', 'Sex'),
  entries: [
    { code: 'female', names: L('Аял', 'Женский', 'Qadın', 'Әйел', 'Female') },
    { code: 'male', names: L('Эркек', 'Мужской', 'Kişi', 'Ер', 'Male') },
  ],
};
