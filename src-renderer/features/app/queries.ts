import { queryOptions } from '@tanstack/react-query';
import type { BalaClient } from '../../../shared/api/client';
import { unwrap } from '../../api/unwrap';

export const appKeys = {
  all: ['app'] as const,
  info: () => [...appKeys.all, 'info'] as const,
};

export const appQueries = {
  info: (client: BalaClient) =>
    queryOptions({ queryKey: appKeys.info(), queryFn: () => unwrap(client.call('app.info')), staleTime: Infinity }),
};
