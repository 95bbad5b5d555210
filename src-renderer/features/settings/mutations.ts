import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SettingsPatch } from '../../../shared/api/settings';
import { useClient } from '../../api/ClientContext';
import { unwrap } from '../../api/unwrap';
import { appKeys } from '../app/queries';
import { settingsKeys } from './queries';

/** Changing settings can change what app.info reports (the language in force). */
export function useUpdateSettings() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => unwrap(client.call('settings.update', patch)),
    onSuccess: async (settings) => {
      queryClient.setQueryData(settingsKeys.current(), settings);
      await queryClient.invalidateQueries({ queryKey: appKeys.all });
    },
  });
}
