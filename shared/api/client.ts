import type { InputOf, OperationName, OutputOf } from './contract';
import type { BalaEvent } from './events';
import type { Result } from './result';

/**
 * The one client interface the UI, the CLI and the tests program against; each transport
 * (Electron IPC, HTTP, in-process) is a small implementation of it.
 */
export interface BalaClient {
  call<N extends OperationName>(name: N, ...input: CallInput<N>): Promise<Result<OutputOf<N>>>;
  subscribe(listener: (event: BalaEvent) => void): () => void;
}

/** Operations whose input may be omitted are called with no second argument. */
export type CallInput<N extends OperationName> = undefined extends InputOf<N> ? [input?: InputOf<N>] : [input: InputOf<N>];
