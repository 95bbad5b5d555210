import type { workspaceEn } from './en';

type Shape = { [K in keyof typeof workspaceEn]: string };

export const workspaceKk = {
  nav: 'Жұмыс орнының бөлімдері',
  dashboard: 'Мерзімдер',
  dashboardTitle: 'Мерзімі келген және өтіп кеткен жұмыс',
  dashboardLead: 'Мекемеңіз жазбаларының мерзімдері мен ескертулері, сіздің шешіміңізді күтіп тұрған өзгерістер, аяқталмаған карточкалар.',
  nothingDue: 'Мерзімі келген немесе өтіп кеткен жұмыс жоқ.',
  registry: 'Тізілім',
  exchange: 'Алмасу',
  exchangeTitle: 'Орталық сервермен және алынбалы тасығыштар арқылы алмасу',
  account: 'Есептік жазба',
  accountTitle: 'Сіздің есептік жазбаңыз',
  keptBy: 'Бұл нысанның жазбаларын енгізетін: {{roles}}. Сіздің рөліңіз ({{role}}) оларды қарай алады.',
  savedNew: 'Сақталды. Жазба келесі үндестіруде орталық серверге жіберіледі.',
  savedChange: 'Өзгерістер {{time}} сақталды. Олар келесі үндестіруде орталық серверге жіберіледі.',
  sections: 'Карточка бөлімдері',
  paperCopy: 'Қағаз көшірме',
  backToList: 'Тізімге оралу',
  exchangeDetails: 'Алмасу туралы толығырақ',
  unfinished: 'Аяқталмаған карточкалар',
  statusStrip: 'Сеанс пен алмасудың күйі',
} as const satisfies Shape;
