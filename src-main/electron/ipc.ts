import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { ipcChannels } from '../../shared/api/bridge';
import { fail, type Result } from '../../shared/api/result';
import type { Backend } from '../backend';

export interface IpcBinding {
  /** Stop answering calls and forwarding events (the app is quitting). */
  dispose(): void;
}

/**
 * The Electron transport: one invoke channel for every contract operation, one push channel
 * for events. The sender's frame must be the application page; the dispatcher validates the
 * rest and never throws, so a bad call from the page cannot crash the main process.
 */
export function bindIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  backend: Pick<Backend, 'call' | 'events' | 'ctx'>,
  isTrustedFrame: (frameUrl: string) => boolean,
  windows: () => readonly WebContents[],
): IpcBinding {
  ipcMain.handle(ipcChannels.call, async (event: IpcMainInvokeEvent, name: unknown, input: unknown): Promise<Result<unknown>> => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isTrustedFrame(frameUrl)) {
      return fail({ code: 'FORBIDDEN_ORIGIN', message: backend.ctx.t()('errors.FORBIDDEN_ORIGIN') });
    }
    return backend.call(typeof name === 'string' ? name : '', input);
  });

  const unsubscribe = backend.events.subscribe((event) => {
    for (const contents of windows()) {
      if (!contents.isDestroyed()) contents.send(ipcChannels.event, event);
    }
  });

  return {
    dispose() {
      unsubscribe();
      ipcMain.removeHandler(ipcChannels.call);
    },
  };
}
