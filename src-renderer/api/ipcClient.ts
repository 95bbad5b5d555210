import type { BalaBridge } from '../../shared/api/bridge';
import type { BalaClient } from '../../shared/api/client';

declare global {
  interface Window {
    /** Present only inside the Electron window (exposed by the preload). */
    bala?: BalaBridge;
  }
}

/** The Electron transport: the preload's narrow `window.bala`. */
export const ipcClient = (bridge: BalaBridge): BalaClient => ({
  call: (name, input?: unknown) => bridge.call(name, input),
  subscribe: (listener) => bridge.onEvent(listener),
});
