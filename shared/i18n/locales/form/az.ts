import type { formEn } from './en';

type FormCatalogue = { [K in keyof typeof formEn]: string };

export const formAz = {
  required: 'Bu sahəni doldurun.',
  tooLong: 'Çox uzundur: ən çoxu {{max}} simvol.',
  wrongType: 'Dəyərin növü uyğun deyil.',
  dateInvalid: 'Belə tarix yoxdur: günü, ayı və ili göstərin.',
  dateInFuture: 'Bu tarix hələ gəlməyib.',
  dateBefore: 'Bu tarix «{{fieldLabel}}» tarixindən əvvəldir.',
  unknownCode: 'Siyahıdan dəyər seçin.',
  wrongLevel: 'Siyahıdan daha dəqiq yer seçin.',
  numberRange: '{{min}} ilə {{max}} arasında olmalıdır.',
  numberInteger: 'Tam ədəd olmalıdır.',
  nameCharacters: 'Yalnız hərflər (defis, apostrof və boşluq olar).',
  pinFormat: 'Bu, etibarlı şəxsi identifikasiya nömrəsi deyil.',
  pinBirthDate: 'FİN-ə görə doğum tarixi {{encoded}}-dir, daxil edilən deyil.',
  pinSex: 'FİN-ə görə cins — {{encoded}}, göstərilən deyil.',
  phoneFormat: 'Telefon nömrəsini rəqəmlərlə yazın, məsələn +994 12 1234567.',
  emailFormat: 'E-poçt ünvanını name@example.az şəklində yazın.',
  photoType: 'Şəkil JPEG və ya PNG formatında olmalıdır.',
  photoTooLarge: 'Şəkil çox böyükdür: ən çoxu {{max}} KB.',
  tooFewItems: 'Ən azı {{min}} əlavə edin.',
  tooManyItems: 'Ən çoxu {{max}} ola bilər.',
  unknownField: 'Bu sahə formaya aid deyil.',
  notEditable: 'Rolunuz bu sahəni dəyişməyə icazə vermir.',
  female: 'qadın',
  male: 'kişi',
} as const satisfies FormCatalogue;
