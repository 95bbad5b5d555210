import type { formEn } from './en';

type FormCatalogue = { [K in keyof typeof formEn]: string };

export const formRu = {
  required: 'Заполните это поле.',
  tooLong: 'Слишком длинно: не более {{max}} символов.',
  wrongType: 'Значение неподходящего вида.',
  dateInvalid: 'Такой даты нет: укажите день, месяц и год.',
  dateInFuture: 'Эта дата ещё не наступила.',
  dateBefore: 'Эта дата раньше, чем «{{fieldLabel}}».',
  unknownCode: 'Выберите значение из списка.',
  wrongLevel: 'Выберите из списка более точное место.',
  numberRange: 'Допустимо от {{min}} до {{max}}.',
  numberInteger: 'Нужно целое число.',
  nameCharacters: 'Только буквы (допускаются дефис, апостроф и пробел).',
  pinFormat: 'Это не действительный персональный идентификационный номер.',
  pinBirthDate: 'По ПИН дата рождения {{encoded}}, а не введённая.',
  pinSex: 'По ПИН пол — {{encoded}}, а не указанный.',
  phoneFormat: 'Запишите номер телефона цифрами, например +996 312 123456.',
  emailFormat: 'Запишите адрес электронной почты в виде name@example.kg.',
  photoType: 'Фотография должна быть в формате JPEG или PNG.',
  photoTooLarge: 'Фотография слишком большая: не более {{max}} КБ.',
  tooFewItems: 'Добавьте не меньше {{min}}.',
  tooManyItems: 'Допускается не больше {{max}}.',
  unknownField: 'Такого поля в форме нет.',
  notEditable: 'Ваша роль не позволяет изменять это поле.',
  female: 'женский',
  male: 'мужской',
} as const satisfies FormCatalogue;
