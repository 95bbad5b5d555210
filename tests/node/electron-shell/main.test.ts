import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../support/tempDir';

/** A stand-in for the parts of Electron that main.ts touches, recording what it was asked. */
function fakeElectron(options: { gotLock: boolean }) {
  const ready = Promise.resolve();
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    setPath: vi.fn(),
    quit: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => options.gotLock),
    whenReady: vi.fn(() => ready),
    getPreferredSystemLanguages: vi.fn(() => ['ru-KG', 'en-US']),
  });
  const windows: (EventEmitter & { options: unknown; loadURL: ReturnType<typeof vi.fn>; show: ReturnType<typeof vi.fn>; focus: ReturnType<typeof vi.fn> })[] = [];
  class BrowserWindow extends EventEmitter {
    loadURL = vi.fn(() => Promise.resolve());
    show = vi.fn();
    isMinimized = () => false;
    restore = vi.fn();
    focus = vi.fn();
    constructor(public options: unknown) {
      super();
      windows.push(this);
    }
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onBeforeRequest: vi.fn() },
    },
  };
  return {
    ready,
    windows,
    module: {
      app,
      BrowserWindow,
      session,
      dialog: { showMessageBox: vi.fn() },
      ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
      Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      shell: { openExternal: vi.fn() },
      webContents: { getAllWebContents: vi.fn(() => []) },
    },
  };
}

const originalArgv = process.argv;
let cleanup: (() => void) | undefined;

afterEach(() => {
  process.argv = originalArgv;
  vi.resetModules();
  vi.doUnmock('electron');
  cleanup?.();
});

async function startMain(gotLock: boolean) {
  const temp = tempDir('bala-main-');
  cleanup = temp.cleanup;
  process.argv = ['/opt/Bala/bala', '--data', temp.dir];
  const fake = fakeElectron({ gotLock });
  vi.doMock('electron', () => fake.module);
  await import('../../../src-main/electron/main');
  // main.ts chained its ready handler on this very promise while it loaded: a reaction queued
  // before ours, so it has run (synchronously, to the window it opens) when this await resumes.
  await fake.ready;
  return { fake, dataDir: temp.dir };
}

describe('the Electron main process', () => {
  it('keeps Chromium files inside --data and registers the app scheme before ready', async () => {
    const { fake, dataDir } = await startMain(true);
    expect(fake.module.app.setPath).toHaveBeenCalledWith('userData', expect.stringContaining(dataDir));
    const [schemes] = fake.module.protocol.registerSchemesAsPrivileged.mock.calls[0] as [{ scheme: string; privileges: object }[]];
    expect(schemes).toEqual([{ scheme: 'bala', privileges: expect.objectContaining({ standard: true, secure: true }) as object }]);
  });

  it('quits at once when another instance holds the lock, opening nothing', async () => {
    const { fake } = await startMain(false);
    expect(fake.module.app.quit).toHaveBeenCalledTimes(1);
    expect(fake.windows).toHaveLength(0);
    expect(fake.module.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('when ready: hardens the session, serves the UI, binds IPC, sets the menu, opens one secure window', async () => {
    const { fake } = await startMain(true);
    expect(fake.module.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.module.protocol.handle).toHaveBeenCalledWith('bala', expect.any(Function));
    expect(fake.module.ipcMain.handle).toHaveBeenCalledWith('bala:call', expect.any(Function));
    expect(fake.module.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]?.options).toMatchObject({ webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(fake.windows[0]?.loadURL).toHaveBeenCalledWith('bala://app/index.html');
  });

  it('focuses the existing window when a second instance starts', async () => {
    const { fake } = await startMain(true);
    fake.module.app.emit('second-instance');
    expect(fake.windows[0]?.focus).toHaveBeenCalled();
  });

  it('rebuilds the menu in the new language when the operator switches it', async () => {
    const { fake } = await startMain(true);
    const [handle] = fake.module.ipcMain.handle.mock.calls;
    const call = handle?.[1] as (event: unknown, name: string, input: unknown) => Promise<unknown>;
    await call({ senderFrame: { url: 'bala://app/index.html' } }, 'settings.update', { language: 'az' });
    expect(fake.module.Menu.setApplicationMenu).toHaveBeenCalledTimes(2);
    const lastTemplate = fake.module.Menu.buildFromTemplate.mock.calls.at(-1)?.[0] as { label: string }[];
    expect(lastTemplate.map((item) => item.label)).toContain('Dil');
  });
});
