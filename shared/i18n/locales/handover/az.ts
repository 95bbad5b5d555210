import type { Shaped } from '../../catalogue';
import type { handoverEn } from './en';

type HandoverCatalogue = Shaped<typeof handoverEn>;

export const handoverAz = {
  title: 'Çıxarıla bilən daşıyıcı ilə ötürmə',
  intro:
    'Əlaqə olmadıqda dəyişiklikləri administratora USB daşıyıcıda təhvil verin: burada paket yazın, administrator onu mərkəzi serverə idxal edir, qəbz isə bura qayıdır.',
  pending_one: 'Hələ çatdırılmamış dəyişikliklər: {{count}}',
  pending_other: 'Hələ çatdırılmamış dəyişikliklər: {{count}}',
  drives: 'Haraya yazmaq',
  noDrives: 'Çıxarıla bilən daşıyıcı tapılmadı. Onu taxın və yenidən axtarın, ya da qovluğu yazın.',
  lookAgain: 'Yenidən axtar',
  driveFree: '{{name}} — boş yer {{free}}',
  folder: 'Qovluq',
  exportButton: 'Paketi yaz',
  exporting: 'Paket yazılır: {{done}} / {{total}}',
  exported: '{{sequence}} nömrəli paket {{file}} faylına yazıldı ({{changes}} dəyişiklik) və yoxlanıldı. Daşıyıcını administratora verin.',
  awaitingTitle: 'Daşıyıcıda, qəbz gözlənilir',
  awaitingItem: '{{sequence}} nömrəli paket: {{changes}} dəyişiklik, {{date}} tarixində {{file}} faylına yazılıb',
  noneAwaiting: 'Qəbz gözləyən paket yoxdur.',
  receiptTitle: 'Administratordan qəbz',
  receiptChoose: 'Qəbz faylı (.balareceipt)',
  receiptImport: 'Qəbzi idxal et',
  receiptDone: '{{sequence}} nömrəli paketin qəbzi: çatdırıldı {{delivered}}, ziddiyyət {{conflicts}}, rədd edildi {{rejected}}.',
  receiptAttention: 'Ziddiyyətlər və rədd edilənlər sinxronlaşdırma bölməsində göstərilir: onları orada həll edin.',
  receiptGap: 'Server fasiləni qeyd edir: {{expected}} nömrəli paket ona {{received}} nömrəli paketdən əvvəl çatmayıb. Heç nə itməyib: hər paket hələ təsdiqlənməmiş bütün dəyişiklikləri daşıyır.',
  cliGroup: 'çıxarıla bilən daşıyıcı ilə ötürmə: paket yazmaq, onun qəbzini idxal etmək',
  cliExport: 'çatdırılmamış bütün dəyişiklikləri qovluqdakı (daşıyıcıdakı) ötürmə paketinə yazmaq',
  cliOptTo: 'yazılacaq qovluq',
  cliReceipt: 'administratorun paket üçün yazdığı qəbzi idxal etmək',
  cliNeedTo: 'Qovluğu göstərin: bala handover export --to DIR',
  serverCmdImport: 'iş yerindən gələn ötürmə paketini idxal etmək və onun qəbzini yazmaq',
  serverOptReceipt: 'iş yeri üçün qəbzin yazılacağı yer (yeni fayl)',
  serverImported:
    '{{workstation}} iş yerinin {{sequence}} nömrəli paketi ({{createdAt}}): {{changes}} dəyişiklik — qəbul edildi {{accepted}}, artıq tətbiq edilib {{alreadyApplied}}, ziddiyyət {{conflicts}}, rədd edildi {{rejected}}. Qəbz: {{file}}',
  serverRepeat: 'Bu paket əvvəl idxal edilib: yeni heç nə tətbiq edilmədi.',
  serverGap: 'Nömrələmədə fasilə: {{expected}} nömrəli paket gözlənilirdi, {{received}} gəldi. Heç nə itməyib: hər paket hələ təsdiqlənməmiş bütün dəyişiklikləri daşıyır.',
} as const satisfies HandoverCatalogue;
