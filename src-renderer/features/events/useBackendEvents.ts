import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useClient } from '../../api/ClientContext';
import { appKeys } from '../app/queries';
import { settingsKeys } from '../settings/queries';

/** Keeps the caches current when the backend changes something (e.g. the Electron menu's language). */
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
        }
      }),
    [client, queryClient],
  );
}
