import type { BrowserWindow, BrowserWindowConstructorOptions, Menu, MenuItemConstructorOptions, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { TFunction } from 'i18next';
import type { PrintSpool } from '../print/printSpool';
import { printDocumentHeaders } from '../transport/http/printDocumentRoute';
import { appScheme } from './appProtocol';

/** Paper copies are served on the app's own scheme under this host, from memory only. */
export const printHost = 'print';
export const printDocumentUrl = (documentId: string) => `${appScheme}://${printHost}/${documentId}.pdf`;

/** Answers `bala://print/<id>.pdf` from the spool; null for any other host (the app's files). */
export function servePrintRequest(spool: PrintSpool, requestUrl: string): Response | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== printHost) return null;
  const id = /^\/([0-9a-f]{32})\.pdf$/.exec(url.pathname)?.[1];
  const found = id ? spool.get(id) : null;
  if (!found) return new Response(null, { status: 404 });
  return new Response(Buffer.from(found.pdf), { status: 200, headers: printDocumentHeaders(found.fileName) });
}

/** The preview window: Chromium's PDF viewer (hence `plugins`), no preload, no Node, sandboxed. */
export function previewWindowOptions(title: string, parent?: BrowserWindow): BrowserWindowConstructorOptions {
  return {
    width: 900,
    height: 1000,
    title,
    ...(parent ? { parent } : {}),
    autoHideMenuBar: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      plugins: true,
      spellcheck: false,
    },
  };
}

export interface PreviewShell {
  Window: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  showSaveDialog: (window: BrowserWindow, options: SaveDialogOptions) => Promise<SaveDialogReturnValue>;
  /** Writes the copy where the operator chose to save it (the only place a PDF reaches the disk). */
  writeFile: (file: string, data: Uint8Array) => Promise<void>;
  spool: PrintSpool;
  t: () => TFunction;
  parent: () => BrowserWindow | null;
}

/**
 * Opens a paper copy for printing: the PDF as Chromium shows it, with Print (the system dialog,
 * where "Save as PDF" is a destination too) and Save as PDF in the window's menu. Closing the
 * window forgets the document.
 */
export function openPrintPreview(shell: PreviewShell, documentId: string, fileName: string): BrowserWindow {
  const t = shell.t();
  const window = new shell.Window(previewWindowOptions(t('print.previewTitle'), shell.parent() ?? undefined));
  const save = async () => {
    const found = shell.spool.get(documentId);
    if (!found) return;
    const answer = await shell.showSaveDialog(window, { defaultPath: fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (!answer.canceled && answer.filePath) await shell.writeFile(answer.filePath, found.pdf);
  };
  window.setMenu(
    shell.buildMenu([
      {
        label: t('print.printTitle'),
        submenu: [
          // Electron ≥ 32 prints the PDF plugin's frame (electron/electron#43309), not a blank page.
          { label: t('print.previewPrint'), accelerator: 'CmdOrCtrl+P', click: () => window.webContents.print({ silent: false, printBackground: true }) },
          { label: t('print.previewSave'), accelerator: 'CmdOrCtrl+S', click: () => void save() },
          { type: 'separator' },
          { label: t('print.close'), accelerator: 'CmdOrCtrl+W', click: () => window.close() },
        ],
      },
    ]),
  );
  window.on('closed', () => shell.spool.release(documentId));
  void window.loadURL(printDocumentUrl(documentId));
  return window;
}
