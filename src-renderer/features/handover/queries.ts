import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { BalaClient } from '../../../shared/api/client';
import type { HandoverExportResult, HandoverProgress, HandoverReceiptResult } from '../../../shared/api/handover';
import { useClient } from '../../api/ClientContext';
import { unwrap, type ApiCallError } from '../../api/unwrap';
import { refreshAfterSync, syncKeys } from '../sync/queries';

export const handoverKeys = {
  all: ['handover'] as const,
  status: () => [...handoverKeys.all, 'status'] as const,
  drives: () => [...handoverKeys.all, 'drives'] as const,
};

export const handoverQueries = {
  status: (client: BalaClient) => queryOptions({ queryKey: handoverKeys.status(), queryFn: () => unwrap(client.call('handover.status')) }),
  drives: (client: BalaClient) => queryOptions({ queryKey: handoverKeys.drives(), queryFn: () => unwrap(client.call('handover.drives')) }),
};

/** An export or a receipt changes what waits: the panel's status, the sync panel, the issues. */
function useHandoverAction<I, O>(call: (client: BalaClient, input: I) => Promise<O>) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<O, ApiCallError, I>({
    mutationFn: (input) => call(client, input),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: handoverKeys.all });
      void queryClient.invalidateQueries({ queryKey: syncKeys.status() });
      refreshAfterSync(queryClient);
    },
  });
}

export const useExportPackage = () => useHandoverAction<string, HandoverExportResult>((client, folder) => unwrap(client.call('handover.export', { folder })));

export const useImportReceipt = () =>
  useHandoverAction<{ name: string; contentBase64: string }, HandoverReceiptResult>((client, file) =>
    unwrap(client.call('handover.importReceipt', { source: { kind: 'file', ...file } })),
  );

/** The outbox changes with every save and sync cycle: the panel's counts follow the sync events. */
export function useStatusFollowsSync(): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.subscribe((event) => {
        if (event.name === 'sync.changed') void queryClient.invalidateQueries({ queryKey: handoverKeys.status() });
      }),
    [client, queryClient],
  );
}

/** The backend's progress events while a package is written and read back. */
export function useHandoverProgress(): HandoverProgress | null {
  const client = useClient();
  const [progress, setProgress] = useState<HandoverProgress | null>(null);
  useEffect(
    () =>
      client.subscribe((event) => {
        if (event.name === 'handover.progress') setProgress(event.payload);
      }),
    [client],
  );
  return progress;
}
