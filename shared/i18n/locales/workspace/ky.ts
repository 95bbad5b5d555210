import type { workspaceEn } from './en';

type Shape = { [K in keyof typeof workspaceEn]: string };

export const workspaceKy = {
  nav: 'Жумуш ордунун бөлүмдөрү',
  dashboard: 'Мөөнөттөр',
  dashboardTitle: 'Мөөнөтү келген жана өтүп кеткен иштер',
  dashboardLead: 'Мекемеңиздин жазууларынын мөөнөттөрү жана эскертүүлөрү, сиздин чечимиңизди күткөн өзгөртүүлөр, бүтпөгөн карточкалар.',
  nothingDue: 'Мөөнөтү келген же өтүп кеткен иш жок.',
  registry: 'Реестр',
  exchange: 'Алмашуу',
  exchangeTitle: 'Борбордук сервер менен жана алып жүрүүчүлөр аркылуу алмашуу',
  account: 'Эсептик жазуу',
  accountTitle: 'Сиздин эсептик жазууңуз',
  keptBy: 'Бул форманын жазууларын киргизет: {{roles}}. Сиздин ролуңуз ({{role}}) аларды көрө алат.',
  savedNew: 'Сакталды. Жазуу кийинки шайкештирүүдө борбордук серверге жөнөтүлөт.',
  savedChange: 'Өзгөртүүлөр {{time}} сакталды. Алар кийинки шайкештирүүдө борбордук серверге жөнөтүлөт.',
  sections: 'Карточканын бөлүмдөрү',
  paperCopy: 'Кагаз нуска',
  backToList: 'Тизмеге кайтуу',
  exchangeDetails: 'Алмашуу тууралуу толугураак',
  unfinished: 'Бүтпөгөн карточкалар',
  statusStrip: 'Сеанстын жана алмашуунун абалы',
} as const satisfies Shape;
