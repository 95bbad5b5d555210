import type { formEn } from './en';

type FormCatalogue = { [K in keyof typeof formEn]: string };

export const formKk = {
  required: 'Бұл өрісті толтырыңыз.',
  tooLong: 'Тым ұзын: {{max}} таңбадан аспауы керек.',
  wrongType: 'Мәннің түрі дұрыс емес.',
  dateInvalid: 'Мұндай күн жоқ: күнін, айын және жылын көрсетіңіз.',
  dateInFuture: 'Бұл күн әлі келген жоқ.',
  dateBefore: 'Бұл күн «{{fieldLabel}}» күнінен ерте.',
  unknownCode: 'Тізімнен мән таңдаңыз.',
  wrongLevel: 'Тізімнен нақтырақ орынды таңдаңыз.',
  numberRange: '{{min}} мен {{max}} аралығында болуы керек.',
  numberInteger: 'Бүтін сан болуы керек.',
  nameCharacters: 'Тек әріптер (сызықша, апостроф және бос орын рұқсат етіледі).',
  pinFormat: 'Бұл жарамды жеке сәйкестендіру нөмірі емес.',
  pinBirthDate: 'ЖСН бойынша туған күні {{encoded}}, енгізілгені емес.',
  pinSex: 'ЖСН бойынша жынысы — {{encoded}}, көрсетілгені емес.',
  phoneFormat: 'Телефон нөмірін цифрлармен жазыңыз, мысалы +7 727 1234567.',
  emailFormat: 'Электрондық пошта мекенжайын name@example.kz түрінде жазыңыз.',
  photoType: 'Фотосурет JPEG немесе PNG пішімінде болуы керек.',
  photoTooLarge: 'Фотосурет тым үлкен: {{max}} КБ-тан аспауы керек.',
  tooFewItems: 'Кемінде {{min}} қосыңыз.',
  tooManyItems: '{{max}}-дан артық болмайды.',
  unknownField: 'Мұндай өріс формада жоқ.',
  notEditable: 'Сіздің рөліңіз бұл өрісті өзгертуге рұқсат бермейді.',
  female: 'әйел',
  male: 'ер',
} as const satisfies FormCatalogue;
