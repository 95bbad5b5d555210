import { queryOptions } from '@tanstack/react-query';
import type { BalaClient } from '../../../shared/api/client';
import { unwrap } from '../../api/unwrap';

export const settingsKeys = {
  all: ['settings'] as const,
  current: () => [...settingsKeys.all, 'current'] as const,
};

export const settingsQueries = {
  current: (client: BalaClient) =>
    queryOptions({ queryKey: settingsKeys.current(), queryFn: () => unwrap(client.call('settings.get')), staleTime: Infinity }),
};
