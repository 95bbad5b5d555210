import { describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../shared/api/bridge';
import type { BalaBridge } from '../../../shared/api/bridge';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, value: 'answer' })),
      on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)?.add(listener);
      }),
      removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => listeners.get(channel)?.delete(listener)),
    },
  };
});
vi.mock('electron', () => electron);

async function exposed(): Promise<BalaBridge> {
  await import('../../../src-main/electron/preload');
  const [name, api] = (electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? []) as unknown[];
  expect(name).toBe('bala');
  return api as BalaBridge;
}

describe('the preload bridge', () => {
  it('exposes exactly window.bala with call and onEvent — no raw IPC', async () => {
    const api = await exposed();
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(Object.keys(api).sort()).toEqual(['call', 'onEvent']);
  });

  it('sends calls on the shared call channel and returns the answer', async () => {
    const api = await exposed();
    await expect(api.call('app.info', undefined)).resolves.toEqual({ ok: true, value: 'answer' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(ipcChannels.call, 'app.info', undefined);
  });

  it('delivers events from the shared event channel and unsubscribes cleanly', async () => {
    const api = await exposed();
    const listener = vi.fn();
    const unsubscribe = api.onEvent(listener);
    const registered = [...(electron.listeners.get(ipcChannels.event) ?? [])];
    expect(registered).toHaveLength(1);
    const event = { name: 'settings.changed', payload: { language: 'ru', idleLockMinutes: 10 } };
    registered[0]?.({ sender: 'ignored' }, event);
    expect(listener).toHaveBeenCalledWith(event);
    unsubscribe();
    expect(electron.listeners.get(ipcChannels.event)?.size).toBe(0);
  });
});
