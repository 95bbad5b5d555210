/*
 * One measured task of the reports bench, in its own process so its peak memory is its own:
 *   node --import tsx bench/reportsTask.ts TASK CACHE_FILE KEY_HEX OUT_FILE
 * TASK: report | list (the engine over the encrypted cache) or baselineReport | baselineList
 * (exceljs writing the same cells, no queries). Prints {"ms":…, "peakMB":…}.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { ReportRunView } from '../shared/api/reports';
import { translatorFor } from '../shared/i18n/translator';
import { openCache } from '../src-main/store/cacheDatabase';
import { exportReport, type ReportRunContext } from '../src-main/reports/reportRun';
import { writeReportWorkbook, type CoverText, type ListSheet } from '../src-main/reports/reportWorkbook';
import { holderOf, institutionCount, institutionValues, pack, pupilCount, pupilValues, territoryList } from './reportsData';

const [task = '', cacheFile = '', keyHex = '', outFile = ''] = process.argv.slice(2);
const t = translatorFor('ru');
const period = { from: '2026-01-01', to: '2026-06-30' };
const reports = pack.reports?.reports ?? [];
const statistics = reports.find((report) => report.tables.length > 0);
const pupilList = reports.find((report) => report.tables.length === 0);
if (!statistics || !pupilList) throw new Error('reports missing');

const cover: CoverText = {
  labels: { cover: 'Cover', period: 'Period', scope: 'Scope', preparedBy: 'By', preparedAt: 'At', anonymised: 'Anonymised', legalReference: 'Legal', suppressedMark: 'Mark' },
  period: '2026',
  scope: 'bench',
  preparedAt: 'now',
  anonymised: 'no',
  legend: null,
};

async function engine(report: typeof statistics): Promise<void> {
  const db = openCache(cacheFile, Buffer.from(keyHex, 'hex'));
  const ctx: ReportRunContext = { db, pack, language: 'ru', t, generatedBy: 'bench', scopeName: 'bench', scope: { reach: 'all' } };
  const view = await exportReport(ctx, report as NonNullable<typeof statistics>, { ...period, anonymised: false }, fs.createWriteStream(outFile));
  fs.writeFileSync(`${outFile}.view.json`, JSON.stringify(view));
  db.close();
}

const labelOf = (classifier: string, code: unknown) => pack.classifiers.find((candidate) => candidate.id === classifier)?.entries.find((entry) => entry.code === code)?.names.ru ?? '';

/** The pupil list's cells, made from the generator: what the list writes, with no cache behind it. */
async function* generatedPages(): AsyncGenerator<(string | number | Date | null)[][]> {
  for (let start = 0; start < pupilCount; start += 2000) {
    const page: (string | number | Date | null)[][] = [];
    for (let i = start; i < Math.min(pupilCount, start + 2000); i += 1) {
      const v = pupilValues(i);
      const name = v.name as { surname: string; givenName: string };
      page.push([`${name.surname} ${name.givenName}`, labelOf('common.sex', v.sex), new Date(`${v.birthDate as string}T00:00:00Z`), v.pin as string, new Date(`${v.admittedOn as string}T00:00:00Z`), territoryList.entries.find((entry) => entry.code === v.cameFrom)?.names.ru ?? '', labelOf('kg-residential.placementTerm', v.placementTerm), labelOf('kg-residential.legalStatus', v.legalStatus), v.disability === true ? 'Да' : 'Нет', holderOf(i)]);
    }
    yield page;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function institutionSheet(): ListSheet {
  const pages = async function* () {
    yield Array.from({ length: institutionCount }, (_, i) => {
      const v = institutionValues(i);
      return [v.fullName as string, labelOf('kg-residential.institutionType', v.institutionType), labelOf('kg-residential.ownershipForm', v.ownershipForm), labelOf('kg-residential.department', v.department), territoryList.entries.find((entry) => entry.code === v.territory)?.names.ru ?? '', Number(v.plannedCapacity), typeof v.accreditationCertificate === 'string' ? v.accreditationCertificate : null, typeof v.accreditationValidUntil === 'string' ? new Date(`${v.accreditationValidUntil}T00:00:00Z`) : null];
    });
    await Promise.resolve();
  };
  return { title: 'Список учреждений', headers: ['Наименование', 'Тип', 'Собственность', 'Ведомство', 'Район', 'Мощность', 'Сертификат', 'Срок'], kinds: ['text', 'text', 'text', 'text', 'text', 'number', 'text', 'date'], pages: pages() };
}

async function baseline(kind: 'report' | 'list'): Promise<void> {
  const out = fs.createWriteStream(outFile);
  if (kind === 'report') {
    // The same tables as the engine's run, read back from its output rather than queried.
    const view = JSON.parse(fs.readFileSync(process.env.BALA_BENCH_VIEW ?? '', 'utf8')) as ReportRunView;
    await writeReportWorkbook(out, view, cover, [institutionSheet()], 'Всего');
    return;
  }
  const list: ListSheet = { title: 'Воспитанники', headers: ['ФИО', 'Пол', 'Дата рождения', 'ПИН', 'Дата поступления', 'Откуда', 'Срок', 'Статус', 'Инвалидность', 'Учреждение'], kinds: ['text', 'text', 'date', 'text', 'date', 'text', 'text', 'text', 'text', 'text'], pages: generatedPages() };
  const view: ReportRunView = { reportId: 'bench', title: 'bench', legalReference: '', from: period.from, to: period.to, region: null, anonymised: false, suppressBelow: 5, generatedAt: new Date().toISOString(), generatedBy: 'bench', tables: [] };
  await writeReportWorkbook(out, view, cover, [list], 'Всего');
}

const started = performance.now();
if (task === 'report') await engine(statistics);
else if (task === 'list') await engine(pupilList);
else if (task === 'baselineReport') await baseline('report');
else if (task === 'baselineList') await baseline('list');
else throw new Error(`unknown task ${task}`);
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, peakMB: process.resourceUsage().maxRSS / 1024, bytes: fs.statSync(outFile).size }));
