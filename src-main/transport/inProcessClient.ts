import type { BalaClient } from '../../shared/api/client';
import type { OperationName, OutputOf } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import type { Backend } from '../backend';

/** The in-process transport: the CLI and the tests call the backend directly, same validation. */
export function inProcessClient(backend: Backend): BalaClient {
  return {
    call: <N extends OperationName>(name: N, input?: unknown) =>
      backend.call(name, input) as Promise<Result<OutputOf<N>>>,
    subscribe: (listener) => backend.events.subscribe(listener),
  };
}
