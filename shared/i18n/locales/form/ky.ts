import type { formEn } from './en';

type FormCatalogue = { [K in keyof typeof formEn]: string };

export const formKy = {
  required: 'Бул талааны толтуруңуз.',
  tooLong: 'Өтө узун: {{max}} белгиден ашпашы керек.',
  wrongType: 'Маанинин түрү туура эмес.',
  dateInvalid: 'Мындай дата жок: күнүн, айын жана жылын көрсөтүңүз.',
  dateInFuture: 'Бул дата али келе элек.',
  dateBefore: 'Бул дата «{{fieldLabel}}» датасынан эрте.',
  unknownCode: 'Тизмеден маани тандаңыз.',
  wrongLevel: 'Тизмеден так жерди тандаңыз.',
  numberRange: '{{min}} дан {{max}} га чейин болушу керек.',
  numberInteger: 'Бүтүн сан болушу керек.',
  nameCharacters: 'Тамгалар гана (дефис, апостроф жана боштук болушу мүмкүн).',
  pinFormat: 'Бул жарактуу жеке идентификациялык номер эмес.',
  pinBirthDate: 'ЖИН боюнча туулган күнү {{encoded}}, киргизилгени эмес.',
  pinSex: 'ЖИН боюнча жынысы — {{encoded}}, көрсөтүлгөнү эмес.',
  phoneFormat: 'Телефон номерин сандар менен жазыңыз, мисалы +996 312 123456.',
  emailFormat: 'Электрондук почтанын дарегин name@example.kg түрүндө жазыңыз.',
  photoType: 'Сүрөт JPEG же PNG форматында болушу керек.',
  photoTooLarge: 'Сүрөт өтө чоң: {{max}} КБдан ашпашы керек.',
  tooFewItems: 'Жок дегенде {{min}} кошуңуз.',
  tooManyItems: '{{max}} дан ашык болбойт.',
  unknownField: 'Мындай талаа формада жок.',
  notEditable: 'Сиздин ролуңуз бул талааны өзгөртүүгө укук бербейт.',
  female: 'аял',
  male: 'эркек',
} as const satisfies FormCatalogue;
