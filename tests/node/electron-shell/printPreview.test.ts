import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions, Menu, MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translatorFor } from '../../../shared/i18n/translator';
import { openPrintPreview, printDocumentUrl, servePrintRequest, type PreviewShell } from '../../../src-main/electron/printPreview';
import { PrintSpool } from '../../../src-main/print/printSpool';

const pdf = () => new Uint8Array(Buffer.from('%PDF-1.7 a paper copy'));
const spools: PrintSpool[] = [];
afterEach(() => spools.splice(0).forEach((spool) => spool.clear()));
const newSpool = () => {
  const spool = new PrintSpool();
  spools.push(spool);
  return spool;
};

class FakeWindow extends EventEmitter {
  static created: FakeWindow[] = [];
  loadURL = vi.fn(() => Promise.resolve());
  setMenu = vi.fn();
  close = vi.fn(() => this.emit('closed'));
  webContents = { print: vi.fn() };
  constructor(public options: BrowserWindowConstructorOptions) {
    super();
    FakeWindow.created.push(this);
  }
}

function fakeShell(spool: PrintSpool, savedTo: string | null) {
  const written: { file: string; data: Uint8Array }[] = [];
  let template: MenuItemConstructorOptions[] = [];
  const shell: PreviewShell = {
    Window: FakeWindow as unknown as PreviewShell['Window'],
    buildMenu: (items) => {
      template = items;
      return {} as Menu;
    },
    showSaveDialog: vi.fn(() => Promise.resolve(savedTo ? { canceled: false, filePath: savedTo } : { canceled: true, filePath: '' })),
    writeFile: (file, data) => {
      written.push({ file, data: new Uint8Array(data) });
      return Promise.resolve();
    },
    spool,
    t: () => translatorFor('ky'),
    parent: () => null,
  };
  const item = (label: string) => {
    const submenu = template[0]?.submenu as MenuItemConstructorOptions[];
    const found = submenu.find((entry) => entry.label === label);
    if (!found?.click) throw new Error(`no menu item ${label}`);
    return () => (found.click as () => void)();
  };
  return { shell, written, item };
}

describe('the print preview window (electron replaced)', () => {
  it('serves bala://print/<id>.pdf from memory only, never cached, and nothing else on that host', async () => {
    const spool = newSpool();
    const id = spool.put(pdf(), 'bala-1.pdf');
    const answer = servePrintRequest(spool, printDocumentUrl(id));
    expect(answer?.status).toBe(200);
    expect(answer?.headers.get('content-type')).toBe('application/pdf');
    expect(answer?.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await (answer as Response).arrayBuffer()).toString('latin1')).toContain('%PDF-');
    expect(servePrintRequest(spool, 'bala://print/0123456789abcdef0123456789abcdef.pdf')?.status).toBe(404);
    expect(servePrintRequest(spool, `bala://print/${id}`)?.status).toBe(404);
    expect(servePrintRequest(spool, `bala://print/x/${id}.pdf`)?.status).toBe(404);
    // The app's own files are someone else's business.
    expect(servePrintRequest(spool, 'bala://app/index.html')).toBeNull();
  });

  it('opens a sandboxed window on the PDF with Print (the system dialog) and Save as PDF, and forgets the copy when closed', async () => {
    FakeWindow.created = [];
    const spool = newSpool();
    const id = spool.put(pdf(), 'bala-1.pdf');
    const { shell, written, item } = fakeShell(spool, '/home/aigul/Documents/card.pdf');
    openPrintPreview(shell, id, 'bala-1.pdf');
    const [window] = FakeWindow.created;
    if (!window) throw new Error('no window');
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true, webviewTag: false });
    expect(window.options.webPreferences?.preload).toBeUndefined();
    expect(window.options.title).toBe('Басып чыгаруунун алдын ала көрүнүшү');
    expect(window.loadURL).toHaveBeenCalledWith(printDocumentUrl(id));

    item('Басып чыгаруу…')();
    expect(window.webContents.print).toHaveBeenCalledWith({ silent: false, printBackground: true });

    item('PDF катары сактоо…')();
    await vi.waitFor(() => expect(written).toHaveLength(1));
    expect(written[0]?.file).toBe('/home/aigul/Documents/card.pdf');
    expect(Buffer.from(written[0]?.data ?? []).toString('latin1')).toContain('%PDF-');

    item('Жабуу')();
    expect(spool.get(id)).toBeNull();
  });

  it('writes nothing when the operator cancels the save dialog', async () => {
    FakeWindow.created = [];
    const spool = newSpool();
    const id = spool.put(pdf(), 'bala-2.pdf');
    const { shell, written, item } = fakeShell(spool, null);
    openPrintPreview(shell, id, 'bala-2.pdf');
    item('PDF катары сактоо…')();
    await vi.waitFor(() => expect(shell.showSaveDialog).toHaveBeenCalled());
    // The save awaits this very answer, and awaited it before us: when this await resumes, it has
    // already decided (a write would have been started, synchronously, by then).
    await vi.mocked(shell.showSaveDialog).mock.results[0]?.value;
    expect(written).toEqual([]);
    expect(FakeWindow.created).toHaveLength(1);
  });
});
