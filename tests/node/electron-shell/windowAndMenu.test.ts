import { EventEmitter } from 'node:events';
import type { BrowserWindow, BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { translatorFor } from '../../../shared/i18n/translator';
import { appEntryUrl } from '../../../src-main/electron/appProtocol';
import { menuTemplate } from '../../../src-main/electron/menu';
import { mainWindowOptions, openMainWindow } from '../../../src-main/electron/window';

describe('the main window', () => {
  it('isolates the page: context isolation, sandbox, no Node, no webview', () => {
    const prefs = mainWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs', devTools: false }).webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools: false,
      preload: '/app/dist/electron/preload.cjs',
    });
  });

  it('loads the app page and shows the window only once painted', () => {
    const created: { options: BrowserWindowConstructorOptions; window: EventEmitter & { show: ReturnType<typeof vi.fn>; loadURL: ReturnType<typeof vi.fn> } }[] = [];
    class FakeWindow extends EventEmitter {
      show = vi.fn();
      loadURL = vi.fn(() => Promise.resolve());
      constructor(options: BrowserWindowConstructorOptions) {
        super();
        created.push({ options, window: this });
      }
    }
    openMainWindow(FakeWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow, { preloadPath: '/p.cjs', devTools: true });
    const [only] = created;
    expect(only?.options.show).toBe(false);
    expect(only?.window.loadURL).toHaveBeenCalledWith(appEntryUrl);
    expect(only?.window.show).not.toHaveBeenCalled();
    only?.window.emit('ready-to-show');
    expect(only?.window.show).toHaveBeenCalledTimes(1);
  });
});

describe('the application menu', () => {
  const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];

  it('is in the operator language, with the language in force checked', () => {
    const chooseLanguage = vi.fn();
    const template = menuTemplate({ t: translatorFor('ru'), language: 'kk', chooseLanguage, showAbout: vi.fn() });
    const labels = template.map((item) => item.label);
    expect(labels).toContain('Язык');
    expect(labels).not.toContain('Language');
    const languageMenu = submenu(template.find((item) => item.label === 'Язык'));
    expect(languageMenu.map((item) => item.label)).toEqual(['Кыргызча', 'Русский', 'Azərbaycanca', 'Қазақша', 'English']);
    expect(languageMenu.filter((item) => item.checked).map((item) => item.id)).toEqual(['language-kk']);
  });

  it('switches language and shows About through the model', () => {
    const chooseLanguage = vi.fn();
    const showAbout = vi.fn();
    const template = menuTemplate({ t: translatorFor('en'), language: 'ky', chooseLanguage, showAbout });
    const az = submenu(template.find((item) => item.label === 'Language')).find((item) => item.id === 'language-az');
    (az?.click as (() => void) | undefined)?.();
    expect(chooseLanguage).toHaveBeenCalledWith('az');
    const about = submenu(template.find((item) => item.label === 'Help'))[0];
    (about?.click as (() => void) | undefined)?.();
    expect(showAbout).toHaveBeenCalledTimes(1);
  });

  it('uses native roles for editing so copy and paste work in every field', () => {
    const template = menuTemplate({ t: translatorFor('en'), language: 'en', chooseLanguage: vi.fn(), showAbout: vi.fn() });
    const roles = template.flatMap((item) => submenu(item).map((entry) => entry.role)).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit']));
  });
});
