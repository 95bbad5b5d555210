import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { appEntryUrl } from './appProtocol';

export interface MainWindowOptions {
  preloadPath: string;
  iconPath?: string;
  /** Developer tools only in development builds. */
  devTools: boolean;
}

/** The window's web preferences: the page is an untrusted renderer with one narrow bridge. */
export function mainWindowOptions(options: MainWindowOptions): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Bala',
    backgroundColor: '#f5f6f8',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  };
}

type WindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/** Opens the main window on the app page and shows it once painted (no white flash). */
export function openMainWindow(Window: WindowConstructor, options: MainWindowOptions): BrowserWindow {
  const window = new Window(mainWindowOptions(options));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appEntryUrl);
  return window;
}
