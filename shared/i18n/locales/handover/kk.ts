import type { Shaped } from '../../catalogue';
import type { handoverEn } from './en';

type HandoverCatalogue = Shaped<typeof handoverEn>;

export const handoverKk = {
  title: 'Алынбалы тасығыш арқылы беру',
  intro:
    'Байланыс болмаса, өзгерістерді әкімшіге USB тасығышта беріңіз: мұнда пакет жазыңыз, әкімші оны орталық серверге жүктейді, ал түбіртек осында қайтып келеді.',
  pending_one: 'Әлі жеткізілмеген өзгерістер: {{count}}',
  pending_other: 'Әлі жеткізілмеген өзгерістер: {{count}}',
  drives: 'Қайда жазу керек',
  noDrives: 'Алынбалы тасығыш табылмады. Оны салып, қайта іздеңіз немесе қалтаны жазыңыз.',
  lookAgain: 'Қайта іздеу',
  driveFree: '{{name}} — бос орын {{free}}',
  folder: 'Қалта',
  exportButton: 'Пакетті жазу',
  exporting: 'Пакет жазылуда: {{done}} / {{total}}',
  exported: '{{sequence}}-пакет {{file}} файлына жазылды ({{changes}} өзгеріс) және тексерілді. Тасығышты әкімшіге беріңіз.',
  awaitingTitle: 'Тасығышта, түбіртекті күтуде',
  awaitingItem: '{{sequence}}-пакет: {{changes}} өзгеріс, {{date}} күні {{file}} файлына жазылған',
  noneAwaiting: 'Түбіртекті күтіп тұрған пакет жоқ.',
  receiptTitle: 'Әкімшіден келген түбіртек',
  receiptChoose: 'Түбіртек файлы (.balareceipt)',
  receiptImport: 'Түбіртекті жүктеу',
  receiptDone: '{{sequence}}-пакеттің түбіртегі: жеткізілді {{delivered}}, қайшылық {{conflicts}}, қабылданбады {{rejected}}.',
  receiptAttention: 'Қайшылықтар мен қабылданбағандар синхрондау бөлімінде көрсетілген: оларды сонда шешіңіз.',
  receiptGap: 'Сервер үзілісті белгілейді: {{expected}}-пакет оған {{received}}-пакеттен бұрын жетпеді. Ештеңе жоғалған жоқ: әр пакет әлі расталмаған барлық өзгерістерді алып жүреді.',
  cliGroup: 'алынбалы тасығыш арқылы беру: пакет жазу, оның түбіртегін жүктеу',
  cliExport: 'жеткізілмеген барлық өзгерістерді қалтадағы (тасығыштағы) беру пакетіне жазу',
  cliOptTo: 'жазылатын қалта',
  cliReceipt: 'әкімші пакет үшін жазған түбіртекті жүктеу',
  cliNeedTo: 'Қалтаны көрсетіңіз: bala handover export --to DIR',
  serverCmdImport: 'жұмыс орнынан келген беру пакетін жүктеу және оның түбіртегін жазу',
  serverOptReceipt: 'жұмыс орны үшін түбіртекті қайда жазу керек (жаңа файл)',
  serverImported:
    '{{workstation}} жұмыс орнының {{sequence}}-пакеті ({{createdAt}}): {{changes}} өзгеріс — қабылданды {{accepted}}, бұрын қолданылған {{alreadyApplied}}, қайшылық {{conflicts}}, қабылданбады {{rejected}}. Түбіртек: {{file}}',
  serverRepeat: 'Бұл пакет бұрын жүктелген: жаңа ештеңе қолданылмады.',
  serverGap: 'Нөмірлеуде үзіліс: {{expected}}-пакет күтілген, {{received}}-пакет келді. Ештеңе жоғалған жоқ: әр пакет әлі расталмаған барлық өзгерістерді алып жүреді.',
} as const satisfies HandoverCatalogue;
