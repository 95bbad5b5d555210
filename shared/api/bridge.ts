import type { OperationName, OutputOf } from './contract';
import type { BalaEvent } from './events';
import type { Result } from './result';

/**
 * What the Electron preload exposes as `window.bala` — and nothing more: one call per contract
 * operation and one event subscription. Raw IPC never reaches the page.
 */
export interface BalaBridge {
  call<N extends OperationName>(name: N, input: unknown): Promise<Result<OutputOf<N>>>;
  onEvent(listener: (event: BalaEvent) => void): () => void;
}

/** IPC channel names shared by the preload and the main process. */
export const ipcChannels = { call: 'bala:call', event: 'bala:event' } as const;
