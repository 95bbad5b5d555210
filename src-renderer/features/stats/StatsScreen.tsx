import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFile } from '../../../shared/api/reports';
import { defaultLanguage, isLanguage } from '../../../shared/i18n/languages';
import { registryPacks } from '../../../shared/packs';
import { useClient } from '../../api/ClientContext';
import { unwrap } from '../../api/unwrap';
import { CriteriaSearch } from './CriteriaSearch';
import { defaultPeriod } from './defaultPeriod';
import { PeriodDateInput } from './PeriodDateInput';
import { reportQueries, type RunInput } from './queries';
import { ReportChart } from './ReportChart';
import { ReportTable } from './ReportTable';
import { base64Blob, saveFile } from './saveFile';
import './stats.css';

/** Regions of the territory list a report's region filter uses (top-level entries: regions and cities of republican significance). */
const regionsOf = (packId: string, language: 'ky' | 'ru' | 'az' | 'kk' | 'en') => {
  const pack = registryPacks.find((candidate) => candidate.id === packId);
  const territory = pack?.classifiers.find((classifier) => classifier.entries.some((entry) => entry.kind === 'region'));
  return (territory?.entries ?? []).filter((entry) => !entry.parent && !entry.retiredOn).map((entry) => ({ code: entry.code, name: entry.names[language] }));
};

/** The statistics screen (Pack 1 §21): the report's tables and charts, its filters, the workbook, criteria search. */
export function StatsScreen({ onOpenRecord }: { onOpenRecord: (formId: string, recordId: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : defaultLanguage;
  const client = useClient();
  const id = useId();
  const reports = useQuery(reportQueries.list(client));
  const statistical = (reports.data ?? []).filter((report) => !report.personal);
  // Lists of persons: offered only to roles the backend lists them for, never anonymised.
  const personal = (reports.data ?? []).filter((report) => report.personal);
  const [filters, setFilters] = useState<{ reportId: string; from: string; to: string; region: string; anonymised: boolean }>(() => ({ reportId: '', ...defaultPeriod(), region: '', anonymised: false }));
  const chosen = statistical.find((report) => report.id === filters.reportId) ?? statistical[0];
  const input: RunInput | null = chosen
    ? { reportId: chosen.id, from: filters.from, to: filters.to, anonymised: filters.anonymised, ...(filters.region ? { region: filters.region } : {}) }
    : null;
  const run = useQuery({ ...reportQueries.run(client, input ?? { reportId: '' }), enabled: input !== null && filters.from <= filters.to });
  const download = useMutation<ReportFile, Error, RunInput>({
    mutationFn: (request) => unwrap(client.call('reports.export', request)),
    onSuccess: (file) => saveFile(file.fileName, base64Blob(file.contentBase64, file.mimeType)),
  });
  const pack = registryPacks.find((candidate) => candidate.id === chosen?.packId);
  const set = (patch: Partial<typeof filters>) => setFilters({ ...filters, ...patch });
  return (
    <section className="stats" aria-labelledby={`${id}-title`}>
      <header className="stats__head">
        <h1 id={`${id}-title`}>{t('reports.title')}</h1>
      </header>
      <div className="panel stats__filters">
        <label htmlFor={`${id}-report`}>
          {t('reports.report')}
          <select id={`${id}-report`} aria-label={t('reports.report')} value={chosen?.id ?? ''} onChange={(event) => set({ reportId: event.target.value })}>
            {statistical.map((report) => (
              <option key={report.id} value={report.id}>
                {report.title}
              </option>
            ))}
          </select>
        </label>
        <PeriodDateInput label={t('reports.from')} value={filters.from} onChange={(from) => set({ from })} />
        <PeriodDateInput label={t('reports.to')} value={filters.to} onChange={(to) => set({ to })} />
        <label htmlFor={`${id}-region`}>
          {t('reports.region')}
          <select id={`${id}-region`} aria-label={t('reports.region')} value={filters.region} onChange={(event) => set({ region: event.target.value })}>
            <option value="">{t('reports.allRegions')}</option>
            {chosen
              ? regionsOf(chosen.packId, language).map((region) => (
                  <option key={region.code} value={region.code}>
                    {region.name}
                  </option>
                ))
              : null}
          </select>
        </label>
        <label className="stats__check">
          <input type="checkbox" checked={filters.anonymised} onChange={(event) => set({ anonymised: event.target.checked })} />
          {t('reports.anonymise', { below: run.data?.suppressBelow ?? 5 })}
        </label>
        <button type="button" disabled={!input || download.isPending} onClick={() => input && download.mutate(input)}>
          {download.isPending ? t('reports.downloading') : t('reports.download')}
        </button>
      </div>
      {personal.length > 0 ? (
        <div className="panel stats__lists">
          {personal.map((report) => (
            <button key={report.id} type="button" className="secondary-button" disabled={download.isPending} onClick={() => download.mutate({ reportId: report.id, from: filters.from, to: filters.to, anonymised: false, ...(filters.region ? { region: filters.region } : {}) })}>
              {t('reports.downloadList', { title: report.title })}
            </button>
          ))}
        </div>
      ) : null}
      {run.isFetching && !run.data ? <p className="hint">{t('reports.loading')}</p> : null}
      {run.data?.anonymised ? <p className="hint">{t('reports.suppressedLegend', { mark: '*', below: run.data.suppressBelow })}</p> : null}
      {run.data?.tables.map((table) => (
        <article key={table.id} className="panel stats__table">
          {table.chart ? <ReportChart table={table} /> : null}
          <ReportTable table={table} language={language} totalLabel={table.totalsLabel ?? t('reports.total')} />
          {table.suppressedCells > 0 ? <p className="hint">{t('reports.suppressedCells', { count: table.suppressedCells })}</p> : null}
        </article>
      ))}
      {pack ? <CriteriaSearch pack={pack} language={language} onOpen={onOpenRecord} /> : null}
    </section>
  );
}
