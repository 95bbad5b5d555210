import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { pickLanguage, defaultLanguage } from '../shared/i18n/languages';
import { ClientProvider } from './api/ClientContext';
import { connect } from './api/connection';
import { applyLanguage, i18n } from './i18n/i18n';
import { sessionQueries } from './features/access/queries';
import { appQueries } from './features/app/queries';
import { App } from './shell/App';
import { NoConnection } from './shell/NoConnection';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

const client = connect();
const root = createRoot(document.getElementById('root') as HTMLElement);

// The first screen needs the application's info and the session: ask while the catalogue loads.
if (client) {
  void queryClient.prefetchQuery(appQueries.info(client));
  void queryClient.prefetchQuery(sessionQueries.status(client));
}

// Until the backend answers, speak the browser's language if it is one of ours.
void applyLanguage(pickLanguage(navigator.languages) ?? defaultLanguage).then(() =>
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        {client ? (
          <ClientProvider client={client}>
            <QueryClientProvider client={queryClient}>
              <App />
            </QueryClientProvider>
          </ClientProvider>
        ) : (
          <NoConnection />
        )}
      </I18nextProvider>
    </StrictMode>,
  ),
);
