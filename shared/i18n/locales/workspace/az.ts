import type { workspaceEn } from './en';

type Shape = { [K in keyof typeof workspaceEn]: string };

export const workspaceAz = {
  nav: 'İş yerinin bölmələri',
  dashboard: 'Müddətlər',
  dashboardTitle: 'Müddəti çatmış və keçmiş işlər',
  dashboardLead: 'Qurumunuzun qeydləri üzrə müddətlər və xəbərdarlıqlar, qərarınızı gözləyən dəyişikliklər, tamamlanmamış kartlar.',
  nothingDue: 'Müddəti çatmış və ya keçmiş iş yoxdur.',
  registry: 'Reyestr',
  exchange: 'Mübadilə',
  exchangeTitle: 'Mərkəzi serverlə və daşıyıcılar vasitəsilə mübadilə',
  account: 'Hesab',
  accountTitle: 'Sizin hesabınız',
  keptBy: 'Bu formanın qeydlərini daxil edir: {{roles}}. Sizin rolunuz ({{role}}) onlara baxa bilər.',
  savedNew: 'Yadda saxlanıldı. Qeyd növbəti sinxronlaşdırmada mərkəzi serverə göndəriləcək.',
  savedChange: 'Dəyişikliklər {{time}} yadda saxlanıldı. Onlar növbəti sinxronlaşdırmada mərkəzi serverə göndəriləcək.',
  sections: 'Kartın bölmələri',
  paperCopy: 'Kağız nüsxə',
  backToList: 'Siyahıya qayıt',
  exchangeDetails: 'Mübadilə haqqında ətraflı',
  unfinished: 'Tamamlanmamış kartlar',
  statusStrip: 'Seans və mübadilə vəziyyəti',
} as const satisfies Shape;
