import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { BalaClient } from '../../../shared/api/client';
import type { InputOf } from '../../../shared/api/contract';
import { useClient } from '../../api/ClientContext';
import { unwrap } from '../../api/unwrap';

export const caseKeys = {
  all: ['cases'] as const,
  one: (recordId: string) => [...caseKeys.all, 'one', recordId] as const,
  tasks: () => [...caseKeys.all, 'tasks'] as const,
};

export const caseQueries = {
  one: (client: BalaClient, recordId: string) => queryOptions({ queryKey: caseKeys.one(recordId), queryFn: () => unwrap(client.call('cases.get', { recordId })) }),
  tasks: (client: BalaClient) => queryOptions({ queryKey: caseKeys.tasks(), queryFn: () => unwrap(client.call('cases.tasks', {})) }),
};

export type CaseActInput = InputOf<'cases.act'>;

/**
 * One action on a case. The answer is the case as it stands after it: put in the cache at once;
 * the tasks are fetched again (a step done leaves the dashboard). A refusal stays on the mutation
 * (its translated reason, naming what is missing) and the case is fetched again.
 */
export function useCaseAct(recordId: string) {
  const client = useClient();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<CaseActInput, 'recordId'>) => unwrap(client.call('cases.act', { recordId, ...input })),
    onSuccess: (view) => {
      queries.setQueryData(caseKeys.one(recordId), view);
      void queries.invalidateQueries({ queryKey: caseKeys.tasks() });
    },
    // Refused (someone acted meanwhile, a double click): the case as it stands now, beside the reason.
    onError: () => queries.invalidateQueries({ queryKey: caseKeys.one(recordId) }),
  });
}
