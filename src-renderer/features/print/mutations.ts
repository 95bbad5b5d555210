import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { OpenedDocument, PrintProgress } from '../../../shared/api/print';
import type { Language } from '../../../shared/i18n/languages';
import { useClient } from '../../api/ClientContext';
import { unwrap } from '../../api/unwrap';

export interface PrintRequest {
  recordIds: string[];
  language: Language;
  headName: string;
  jobId: string;
}

/** Where the paper copy went: the desktop's preview window, a new tab, or nowhere (the tab was blocked). */
export type PrintOutcome = { document: OpenedDocument; shownIn: 'preview' | 'tab' | 'blocked' };

/**
 * Prepares the copies (print.open) and shows them: Electron opens its own preview window with
 * the system print dialog; browser mode opens the PDF in a new tab for the browser's viewer.
 * Nothing is cached to invalidate — a print changes no record, only the audit log.
 */
export function usePrintMutation() {
  const client = useClient();
  return useMutation({
    mutationFn: async (request: PrintRequest): Promise<PrintOutcome> => {
      const document = await unwrap(
        client.call('print.open', {
          recordIds: request.recordIds,
          language: request.language,
          jobId: request.jobId,
          ...(request.headName.trim() ? { headName: request.headName.trim() } : {}),
        }),
      );
      if (document.url === null) return { document, shownIn: 'preview' };
      const tab = window.open(document.url, '_blank');
      return { document, shownIn: tab ? 'tab' : 'blocked' };
    },
  });
}

/**
 * Browser mode: the document again, in a new tab or as a download. Each opening needs a fresh
 * single-use address (print.link, the run's token required); the one used before opens nothing.
 */
export function useDocumentAgain() {
  const client = useClient();
  return useMutation({
    mutationFn: async ({ documentId, download }: { documentId: string; download: boolean }): Promise<'tab' | 'blocked' | 'download'> => {
      const { url } = await unwrap(client.call('print.link', { documentId }));
      if (!download) return window.open(url, '_blank') ? 'tab' : 'blocked';
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = '';
      anchor.rel = 'noreferrer';
      anchor.click();
      return 'download';
    },
  });
}

/** The backend's progress events for one print job. */
export function usePrintProgress(jobId: string): PrintProgress | null {
  const client = useClient();
  const [progress, setProgress] = useState<PrintProgress | null>(null);
  useEffect(
    () =>
      client.subscribe((event) => {
        if (event.name === 'print.progress' && event.payload.jobId === jobId) setProgress(event.payload);
      }),
    [client, jobId],
  );
  return progress;
}
