import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useClient } from '../../api/ClientContext';
import { refreshOnLanguageChange } from '../../i18n/languageRefresh';
import { sessionKeys } from '../access/queries';
import { appKeys } from '../app/queries';
import { settingsKeys } from '../settings/queries';
import { refreshAfterSync, syncKeys } from '../sync/queries';

/** Keeps the caches current when the backend changes something (e.g. the Electron menu's language) and when the language changes. */
export function useBackendEvents(): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.subscribe((event) => {
        switch (event.name) {
          case 'settings.changed':
            queryClient.setQueryData(settingsKeys.current(), event.payload);
            void queryClient.invalidateQueries({ queryKey: appKeys.all });
            break;
          case 'session.changed':
            // The idle lock, a sign-out elsewhere: the screen follows the backend's session at once.
            queryClient.setQueryData(sessionKeys.status(), event.payload);
            break;
          case 'sync.changed':
            queryClient.setQueryData(syncKeys.status(), event.payload);
            if (event.payload.state !== 'syncing') refreshAfterSync(queryClient);
            break;
        }
      }),
    [client, queryClient],
  );
  // The backend speaks the new language once the window does (App applies app.info's language).
  useEffect(() => refreshOnLanguageChange(queryClient), [queryClient]);
}
