import { queryOptions } from '@tanstack/react-query';
import type { BalaClient } from '../../../shared/api/client';
import { defaultLanguage, isLanguage } from '../../../shared/i18n/languages';
import { registryPacks } from '../../../shared/packs';
import { unwrap } from '../../api/unwrap';
import { i18n } from '../../i18n/i18n';
import { localisedAlerts } from '../../i18n/localisedAlerts';

export const recordKeys = {
  all: ['records'] as const,
  list: (formId: string, query: string) => [...recordKeys.all, 'list', formId, query] as const,
  one: (id: string) => [...recordKeys.all, 'one', id] as const,
  history: (id: string) => [...recordKeys.all, 'history', id] as const,
  alerts: () => [...recordKeys.all, 'alerts'] as const,
  drafts: () => ['drafts'] as const,
};

export const recordQueries = {
  list: (client: BalaClient, formId: string, query: string) =>
    queryOptions({
      queryKey: recordKeys.list(formId, query),
      queryFn: () => unwrap(query.trim() ? client.call('records.search', { formId, query }) : client.call('records.list', { formId })),
    }),
  one: (client: BalaClient, id: string) => queryOptions({ queryKey: recordKeys.one(id), queryFn: () => unwrap(client.call('records.get', { id })) }),
  history: (client: BalaClient, id: string) => queryOptions({ queryKey: recordKeys.history(id), queryFn: () => unwrap(client.call('records.history', { id })) }),
  /**
   * The messages follow the language shown now (taken from the packs' rules), not the one in force
   * when the list was fetched: built at each render, so a language switch re-selects at once.
   */
  alerts: (client: BalaClient) => {
    const language = isLanguage(i18n.language) ? i18n.language : defaultLanguage;
    return queryOptions({
      queryKey: recordKeys.alerts(),
      queryFn: () => unwrap(client.call('records.alerts')),
      select: (alerts) => localisedAlerts(alerts, registryPacks, language),
    });
  },
  drafts: (client: BalaClient) => queryOptions({ queryKey: recordKeys.drafts(), queryFn: () => unwrap(client.call('drafts.list')) }),
};
