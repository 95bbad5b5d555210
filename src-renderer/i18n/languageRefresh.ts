import type { Query, QueryClient } from '@tanstack/react-query';
import { i18n } from './i18n';

/**
 * Caches that hold no text the backend wrote: the application's info and settings (they are
 * what changed the language), an open record and the drafts (never refetched under the
 * operator's hands). Everything else — alerts, sync status and issues, server notices, report
 * titles and labels — may carry the old language and is fetched again.
 */
const keep = (query: Query): boolean => {
  const [domain, kind] = query.queryKey;
  return domain === 'app' || domain === 'settings' || domain === 'drafts' || (domain === 'records' && (kind === 'one' || kind === 'history'));
};

/** When the window's language changes, refetch what the backend wrote in the old one. Returns the unsubscribe. */
export function refreshOnLanguageChange(queryClient: QueryClient): () => void {
  const refresh = () => void queryClient.invalidateQueries({ predicate: (query) => !keep(query) });
  i18n.on('languageChanged', refresh);
  return () => i18n.off('languageChanged', refresh);
}
