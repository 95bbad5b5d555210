import type { workspaceEn } from './en';

type Shape = { [K in keyof typeof workspaceEn]: string };

export const workspaceRu = {
  nav: 'Разделы рабочего места',
  dashboard: 'Сроки',
  dashboardTitle: 'Наступившие и пропущенные сроки',
  dashboardLead: 'Сроки и предупреждения по записям вашего учреждения, изменения, ожидающие вашего решения, незавершённые карточки.',
  nothingDue: 'Нет ни наступивших, ни пропущенных сроков.',
  registry: 'Реестр',
  exchange: 'Обмен',
  exchangeTitle: 'Обмен с центральным сервером и через съёмные носители',
  account: 'Учётная запись',
  accountTitle: 'Ваша учётная запись',
  keptBy: 'Записи этой формы вносит: {{roles}}. Ваша роль ({{role}}) может их просматривать.',
  savedNew: 'Сохранено. Запись будет отправлена на центральный сервер при следующей синхронизации.',
  savedChange: 'Изменения сохранены в {{time}}. Они будут отправлены на центральный сервер при следующей синхронизации.',
  sections: 'Разделы карточки',
  paperCopy: 'Бумажная копия',
  backToList: 'Назад к списку',
  exchangeDetails: 'Подробнее об обмене',
  unfinished: 'Незавершённые карточки',
  statusStrip: 'Состояние сеанса и обмена',
} as const satisfies Shape;
