import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { BalaClient } from '../../../shared/api/client';
import type { InputOf } from '../../../shared/api/contract';
import type { SessionStatus } from '../../../shared/api/session';
import { useClient } from '../../api/ClientContext';
import { unwrap, type ApiCallError } from '../../api/unwrap';

export const sessionKeys = {
  all: ['session'] as const,
  status: () => [...sessionKeys.all, 'status'] as const,
  profiles: () => [...sessionKeys.all, 'profiles'] as const,
};

export const sessionQueries = {
  status: (client: BalaClient) => queryOptions({ queryKey: sessionKeys.status(), queryFn: () => unwrap(client.call('session.status')) }),
  profiles: (client: BalaClient) => queryOptions({ queryKey: sessionKeys.profiles(), queryFn: () => unwrap(client.call('activation.findProfiles')) }),
};

/** A session operation whose answer is the new session status (sign in, lock, change password…). */
export function useSessionAction<I>(call: (client: BalaClient, input: I) => Promise<SessionStatus>) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<SessionStatus, ApiCallError, I>({
    mutationFn: (input) => call(client, input),
    onSuccess: (status) => {
      queryClient.setQueryData(sessionKeys.status(), status);
    },
  });
}

type RecoverInput = Omit<InputOf<'activation.recover'>, 'caFingerprint'>;

/**
 * Access recovered with the workstation's profile, then the same credentials sign in at once; if
 * that sign-in is refused the status is the recovered one (signed out) and the operator signs in.
 */
export function useRecoverAccess() {
  return useSessionAction(async (client, input: RecoverInput) => {
    const recovered = await unwrap(client.call('activation.recover', input));
    const signedIn = await client.call('session.signIn', { username: input.username, password: input.password });
    return signedIn.ok ? signedIn.value : recovered;
  });
}
