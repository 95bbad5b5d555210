import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/ClientContext';
import { appQueries } from '../features/app/queries';
import { useBackendEvents } from '../features/events/useBackendEvents';
import { SessionGate } from '../features/access/SessionGate';
import { applyLanguage } from '../i18n/i18n';
import { TopBar } from './TopBar';

export function App() {
  const client = useClient();
  const { t } = useTranslation();
  const info = useQuery(appQueries.info(client));
  useBackendEvents();
  const language = info.data?.language;

  useEffect(() => {
    if (language) void applyLanguage(language);
  }, [language]);

  if (info.isPending) return <p className="status">{t('status.loading')}</p>;
  if (info.isError) {
    return (
      <div className="status status--error" role="alert">
        <p>{t('status.backendUnreachable')}</p>
        <button type="button" onClick={() => void info.refetch()}>
          {t('status.retry')}
        </button>
      </div>
    );
  }
  return (
    <>
      <TopBar language={info.data.language} />
      <SessionGate info={info.data} />
    </>
  );
}
