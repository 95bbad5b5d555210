import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, webContents } from 'electron';
import { createBackend, type Backend } from '../backend';
import { createStderrLogger } from '../log/logger';
import { defaultDataDir } from '../paths/dataDir';
import { appScheme, isAppFrame, serveAppRequest } from './appProtocol';
import { parseShellArgs } from './args';
import { bindIpc } from './ipc';
import { menuTemplate } from './menu';
import { openPrintPreview, servePrintRequest } from './printPreview';
import { hardenContents, hardenSession } from './security';
import { openMainWindow } from './window';

// dist/electron/main.js → the app root holds dist/renderer and resources/.
const here = path.dirname(fileURLToPath(import.meta.url));
const appRoot = path.resolve(here, '..', '..');
const rendererDir = path.join(appRoot, 'dist', 'renderer');
const log = createStderrLogger('bala');

const args = parseShellArgs(process.argv.slice(1), process.cwd());
const dataDir = args.dataDir ?? defaultDataDir();
// Chromium's own files (cookies, caches, GPU cache) live beside the registry data, never in a
// second per-user folder that a backup or wipe would miss.
app.setPath('userData', path.join(dataDir, 'electron'));

protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
]);

if (!app.requestSingleInstanceLock()) {
  // Two instances on one data folder would fight over the encrypted cache: hand over and quit.
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  let backend: Backend | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    hardenContents(contents, (url) => void shell.openExternal(url));
  });

  app.on('window-all-closed', () => {
    void backend?.close().finally(() => app.quit());
  });

  void app.whenReady().then(() => {
    const running: Backend = createBackend({
      dataDir,
      mode: 'electron',
      locales: app.getPreferredSystemLanguages(),
      log,
      showPrintPreview: (documentId, fileName) =>
        openPrintPreview(
          {
            Window: BrowserWindow,
            buildMenu: (template) => Menu.buildFromTemplate(template),
            showSaveDialog: (window, options) => dialog.showSaveDialog(window, options),
            writeFile: (file, data) => fs.writeFile(file, data, { mode: 0o600 }),
            spool: running.ctx.printSpool,
            t: () => running.ctx.t(),
            parent: () => mainWindow,
          },
          documentId,
          fileName,
        ),
    });
    backend = running;
    hardenSession(session.defaultSession);
    protocol.handle(appScheme, (request) => servePrintRequest(running.ctx.printSpool, request.url) ?? serveAppRequest(rendererDir, request.url));
    bindIpc(ipcMain, running, isAppFrame, () => webContents.getAllWebContents());

    const refreshMenu = () =>
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          menuTemplate({
            t: running.ctx.t(),
            language: running.ctx.language(),
            chooseLanguage: (language) => void running.call('settings.update', { language }),
            showAbout: () =>
              void dialog.showMessageBox({
                type: 'info',
                title: running.ctx.t()('menu.about'),
                message: 'Bala',
                detail: running.ctx.t()('menu.aboutDetail', { version: running.ctx.version }),
              }),
          }),
        ),
      );
    refreshMenu();
    running.events.subscribe((event) => {
      if (event.name === 'settings.changed') refreshMenu();
    });

    mainWindow = openMainWindow(BrowserWindow, {
      preloadPath: path.join(here, 'preload.cjs'),
      iconPath: path.join(appRoot, 'resources', 'icon.png'),
      devTools: !app.isPackaged,
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });
}
