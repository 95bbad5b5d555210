import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { ipcChannels } from '../../../shared/api/bridge';
import { createBackend, type Backend } from '../../../src-main/backend';
import { isAppFrame } from '../../../src-main/electron/appProtocol';
import { bindIpc } from '../../../src-main/electron/ipc';
import { tempDir } from '../../support/tempDir';

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, InvokeHandler>();
  return {
    handlers,
    handle: vi.fn((channel: string, handler: InvokeHandler) => void handlers.set(channel, handler)),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
  };
}

const fromFrame = (url: string) => ({ senderFrame: { url } }) as unknown as IpcMainInvokeEvent;

function fakeContents(destroyed = false) {
  return { send: vi.fn(), isDestroyed: () => destroyed } as unknown as WebContents & { send: ReturnType<typeof vi.fn> };
}

let backend: Backend;
let cleanup: () => void;

beforeEach(() => {
  const temp = tempDir('bala-ipc-');
  cleanup = temp.cleanup;
  backend = createBackend({ dataDir: temp.dir, mode: 'electron', language: 'ru' });
});
afterEach(async () => {
  await backend.close();
  cleanup();
});

describe('the IPC transport', () => {
  it('answers the application page with the dispatcher result', async () => {
    const ipc = fakeIpcMain();
    bindIpc(ipc, backend, isAppFrame, () => []);
    const call = ipc.handlers.get(ipcChannels.call);
    expect(call).toBeDefined();
    const answer = (await call?.(fromFrame('bala://app/index.html'), 'app.info', undefined)) as { ok: boolean; value: { mode: string } };
    expect(answer.ok).toBe(true);
    expect(answer.value.mode).toBe('electron');
  });

  it('refuses a call from any other frame, in the operator language, without running it', async () => {
    const ipc = fakeIpcMain();
    bindIpc(ipc, backend, isAppFrame, () => []);
    const call = ipc.handlers.get(ipcChannels.call);
    for (const url of ['https://example.org/', 'file:///tmp/x.html', '']) {
      const answer = (await call?.(fromFrame(url), 'settings.update', { idleLockMinutes: 5 })) as { ok: boolean; error: { code: string; message: string } };
      expect(answer.ok, url).toBe(false);
      expect(answer.error.code).toBe('FORBIDDEN_ORIGIN');
      expect(answer.error.message).toMatch(/Bala/);
      expect(answer.error.message).toMatch(/[а-я]/);
    }
    expect(backend.ctx.settings.get().idleLockMinutes).toBe(10);
  });

  it('turns a malformed call into an error answer, never an exception', async () => {
    const ipc = fakeIpcMain();
    bindIpc(ipc, backend, isAppFrame, () => []);
    const call = ipc.handlers.get(ipcChannels.call);
    const frame = fromFrame('bala://app/index.html');
    await expect(call?.(frame, { toString: null }, undefined)).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    await expect(call?.(frame, 'settings.update', { idleLockMinutes: 'soon' })).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('forwards backend events to live windows only, and stops on dispose', async () => {
    const ipc = fakeIpcMain();
    const live = fakeContents();
    const closed = fakeContents(true);
    const binding = bindIpc(ipc, backend, isAppFrame, () => [live, closed]);
    await backend.call('settings.update', { idleLockMinutes: 7 });
    expect(live.send).toHaveBeenCalledWith(ipcChannels.event, expect.objectContaining({ name: 'settings.changed' }));
    expect(closed.send).not.toHaveBeenCalled();

    binding.dispose();
    live.send.mockClear();
    await backend.call('settings.update', { idleLockMinutes: 8 });
    expect(live.send).not.toHaveBeenCalled();
    expect(ipc.handlers.has(ipcChannels.call)).toBe(false);
  });
});
