import { queryOptions } from '@tanstack/react-query';
import type { BalaClient } from '../../../shared/api/client';
import type { InputOf } from '../../../shared/api/contract';
import { unwrap } from '../../api/unwrap';

export type RunInput = InputOf<'reports.run'>;

export const reportKeys = {
  all: ['reports'] as const,
  list: () => [...reportKeys.all, 'list'] as const,
  run: (input: RunInput) => [...reportKeys.all, 'run', input] as const,
};

export const reportQueries = {
  list: (client: BalaClient) => queryOptions({ queryKey: reportKeys.list(), queryFn: () => unwrap(client.call('reports.list')) }),
  // A report reflects the cache now; it is recounted when shown again, not kept for long.
  run: (client: BalaClient, input: RunInput) => queryOptions({ queryKey: reportKeys.run(input), queryFn: () => unwrap(client.call('reports.run', input)), staleTime: 30_000 }),
};
