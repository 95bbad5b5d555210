import { queryOptions } from '@tanstack/react-query';
import type { BalaClient } from '../../../shared/api/client';
import { unwrap } from '../../api/unwrap';

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
  alerts: (client: BalaClient) => queryOptions({ queryKey: recordKeys.alerts(), queryFn: () => unwrap(client.call('records.alerts')) }),
  drafts: (client: BalaClient) => queryOptions({ queryKey: recordKeys.drafts(), queryFn: () => unwrap(client.call('drafts.list')) }),
};
