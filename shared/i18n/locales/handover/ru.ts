import type { Shaped, RussianPlurals } from '../../catalogue';
import type { handoverEn } from './en';

type HandoverCatalogue = Shaped<typeof handoverEn, RussianPlurals>;

export const handoverRu = {
  title: 'Передача на съёмном носителе',
  intro:
    'Без связи передайте изменения администратору на USB-носителе: запишите здесь пакет, администратор загрузит его на центральный сервер, а квитанция вернётся сюда.',
  pending_one: 'Ещё не доставлено {{count}} изменение',
  pending_few: 'Ещё не доставлено {{count}} изменения',
  pending_many: 'Ещё не доставлено {{count}} изменений',
  pending_other: 'Ещё не доставлено {{count}} изменения',
  drives: 'Куда записать',
  noDrives: 'Съёмный носитель не найден. Вставьте его и поищите снова или укажите папку.',
  lookAgain: 'Поискать снова',
  driveFree: '{{name}} — свободно {{free}}',
  folder: 'Папка',
  exportButton: 'Записать пакет',
  exporting: 'Запись пакета: {{done}} из {{total}}',
  exported: 'Пакет {{sequence}} записан в {{file}} ($t(counts.changes, {"count": {{changes}} })) и проверен. Передайте носитель администратору.',
  awaitingTitle: 'На носителе, ждут квитанции',
  awaitingItem: 'Пакет {{sequence}}: $t(counts.changes, {"count": {{changes}} }), записан {{date}} в {{file}}',
  noneAwaiting: 'Ни один пакет не ждёт квитанции.',
  receiptTitle: 'Квитанция от администратора',
  receiptChoose: 'Файл квитанции (.balareceipt)',
  receiptImport: 'Загрузить квитанцию',
  receiptDone: 'Квитанция по пакету {{sequence}}: доставлено {{delivered}}, конфликтов {{conflicts}}, отклонено {{rejected}}.',
  receiptAttention: 'Конфликты и отклонённые изменения перечислены в разделе синхронизации: разрешите их там.',
  receiptGap: 'Сервер отмечает пропуск: пакет {{expected}} не дошёл до него раньше пакета {{received}}. Ничего не потеряно: каждый пакет несёт все ещё не подтверждённые изменения.',
  cliGroup: 'передача на съёмном носителе: записать пакет, загрузить его квитанцию',
  cliExport: 'записать все недоставленные изменения в пакет передачи в папке (на съёмном носителе)',
  cliOptTo: 'папка, куда записать',
  cliReceipt: 'загрузить квитанцию, которую администратор записал для пакета',
  cliNeedTo: 'Укажите папку: bala handover export --to DIR',
  serverCmdImport: 'загрузить пакет передачи с рабочего места и записать его квитанцию',
  serverOptReceipt: 'куда записать квитанцию для рабочего места (новый файл)',
  serverImported:
    'Пакет {{sequence}} рабочего места {{workstation}} ({{createdAt}}): изменений {{changes}} — принято {{accepted}}, уже применено {{alreadyApplied}}, конфликтов {{conflicts}}, отклонено {{rejected}}. Квитанция: {{file}}',
  serverRepeat: 'Этот пакет уже загружался: ничего нового не применено.',
  serverGap: 'Пропуск в нумерации: ожидался пакет {{expected}}, пришёл {{received}}. Ничего не потеряно: каждый пакет несёт все ещё не подтверждённые изменения.',
} as const satisfies HandoverCatalogue;
