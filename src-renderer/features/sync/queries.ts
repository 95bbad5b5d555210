import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { BalaClient } from '../../../shared/api/client';
import type { SyncStatus } from '../../../shared/api/sync';
import { useClient } from '../../api/ClientContext';
import { unwrap, type ApiCallError } from '../../api/unwrap';
import { recordKeys } from '../records/queries';

export const syncKeys = {
  all: ['sync'] as const,
  status: () => [...syncKeys.all, 'status'] as const,
  issues: () => [...syncKeys.all, 'issues'] as const,
};

export const syncQueries = {
  status: (client: BalaClient) => queryOptions({ queryKey: syncKeys.status(), queryFn: () => unwrap(client.call('sync.status')) }),
  issues: (client: BalaClient) => queryOptions({ queryKey: syncKeys.issues(), queryFn: () => unwrap(client.call('sync.issues')) }),
};

/**
 * After a sync cycle: lists, alerts and the issues may have changed. An open record is not
 * refetched under the operator's hands (a save on an old revision is refused, nothing is lost).
 */
export function refreshAfterSync(queryClient: ReturnType<typeof useQueryClient>): void {
  void queryClient.invalidateQueries({ queryKey: syncKeys.issues() });
  void queryClient.invalidateQueries({ queryKey: [...recordKeys.all, 'list'] });
  void queryClient.invalidateQueries({ queryKey: recordKeys.alerts() });
}

/** A sync operation whose answer is the new status (sync now, resolve a conflict). */
export function useSyncAction<I>(call: (client: BalaClient, input: I) => Promise<SyncStatus>) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<SyncStatus, ApiCallError, I>({
    mutationFn: (input) => call(client, input),
    onSuccess: (status) => {
      queryClient.setQueryData(syncKeys.status(), status);
      refreshAfterSync(queryClient);
    },
  });
}
