import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BalaBridge } from '../../shared/api/bridge';
import type { BalaEvent } from '../../shared/api/events';

// Channel names are repeated here rather than imported: a sandboxed preload is bundled on its
// own, and this file must stay tiny. tests/node/electron-shell checks they match ipcChannels.
const callChannel = 'bala:call';
const eventChannel = 'bala:event';

/** The whole surface the page gets: typed calls and event subscription, no raw IPC. */
export const bridge: BalaBridge = {
  call: (name, input) => ipcRenderer.invoke(callChannel, name, input),
  onEvent(listener) {
    const forward = (_event: IpcRendererEvent, payload: BalaEvent) => listener(payload);
    ipcRenderer.on(eventChannel, forward);
    return () => {
      ipcRenderer.removeListener(eventChannel, forward);
    };
  },
};

contextBridge.exposeInMainWorld('bala', bridge);
