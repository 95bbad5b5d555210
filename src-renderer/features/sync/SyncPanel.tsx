import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/api/sync';
import { formatDate } from '../../../shared/i18n/format';
import type { Language } from '../../../shared/i18n/languages';
import { useClient } from '../../api/ClientContext';
import { syncQueries } from './queries';

const timeText = (iso: string, language: Language) => {
  const date = new Date(iso);
  return `${formatDate(date, language)} ${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
};

function stateLabel(status: SyncStatus, t: (key: string) => string): string {
  if (status.state === 'idle') return status.lastSuccessAt ? t('sync.synced') : t('sync.never');
  return t(`sync.${status.state}`);
}

/** Sync in detail (the status strip holds "sync now"): what waits, the last success, progress, the problem in plain words. */
export function SyncPanel({ language }: { language: Language }) {
  const { t } = useTranslation();
  const client = useClient();
  const status = useQuery(syncQueries.status(client));
  const current = status.data;
  if (!current) return null;
  const badge = current.state === 'idle' && current.pending === 0 && current.lastSuccessAt ? 'badge--online' : 'badge--offline';
  return (
    <section className="panel sync" aria-label={t('sync.syncNow')}>
      {current.overdue && current.oldestPendingAt ? (
        <div className="notice sync__overdue" role="alert">
          <strong>{t('sync.overdueTitle')}</strong>
          <p>{t('sync.overdueText', { date: formatDate(new Date(current.oldestPendingAt), language) })}</p>
        </div>
      ) : null}
      <div className="sync__line">
        <p className={`badge ${badge}`}>
          {stateLabel(current, t)}
        </p>
        <p className="sync__fact">{current.pending > 0 ? t('sync.pending', { count: current.pending }) : t('sync.nothingPending')}</p>
        {current.conflicts + current.rejected > 0 ? <p className="sync__problem">{t('sync.attention', { count: current.conflicts + current.rejected })}</p> : null}
        {current.lastSuccessAt ? <p className="sync__fact">{t('sync.lastSuccess', { time: timeText(current.lastSuccessAt, language) })}</p> : null}
        {current.nextAttemptAt && current.state !== 'idle' ? <p className="sync__fact">{t('sync.nextAttempt', { time: timeText(current.nextAttemptAt, language) })}</p> : null}
      </div>
      {current.progress ? (
        <label className="sync__progress">
          {current.progress.phase === 'push'
            ? t('sync.progressPush', { done: current.progress.done, total: current.progress.total })
            : t('sync.progressPull', { done: current.progress.done })}
          {current.progress.phase === 'push' ? <progress max={Math.max(1, current.progress.total)} value={current.progress.done} /> : <progress />}
        </label>
      ) : null}
      {current.problem && current.state !== 'idle' ? (
        <p className="sync__problem" role="alert">
          {current.problem.message}
        </p>
      ) : null}
    </section>
  );
}
