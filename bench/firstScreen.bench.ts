import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser } from '@playwright/test';
import playwrightConfig from '../playwright.config';
import { catalogues } from '../shared/i18n/catalogues';
import { startWorkstation } from '../tests/e2e/support/workstation';
import { medianMs, printFigure } from './measure';
import { initialChunks, kilobytes, rendererDir, singleBundleKilobytes } from './rendererBundle';

const title = catalogues.en.firstRun.title;

/** Navigation to the first screen's heading showing `title`, in a fresh context (no cache), in ms. */
async function timeToHeading(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ locale: 'en-GB' });
  try {
    const page = await context.newPage();
    const start = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.getByRole('heading', { level: 1, name: title }).waitFor({ state: 'visible' });
    return performance.now() - start;
  } finally {
    await context.close();
  }
}

/** The first screen as the window drew it, without scripts: the same text and styles, nothing to run. */
function serveStatic(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const asset = /^\/(assets\/[\w.-]+\.css)$/.exec(request.url ?? '')?.[1];
    if (asset) {
      response.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-store' });
      response.end(fs.readFileSync(path.join(rendererDir, asset)));
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(html);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(() => done())) });
    }),
  );
}

/**
 * Issue 21's aim: the first screen (first run, in browser mode, Debian's Chromium) shows its
 * heading within 1.0 s of navigation — beside a static page of the same text served from
 * 127.0.0.1, measured in the same run. Also the JavaScript the first screen loads, beside the
 * whole renderer built as one chunk (as it was before the split).
 */
export async function benchFirstScreen(runs = 7): Promise<void> {
  const initial = initialChunks();
  const initialKb = kilobytes(rendererDir, initial);
  const catalogueKb = kilobytes(rendererDir, fs.readdirSync(path.join(rendererDir, 'assets')).filter((file) => /^en-[\w-]+\.js$/.test(file)).map((file) => `assets/${file}`));
  const singleKb = await singleBundleKilobytes();
  printFigure({ name: 'first screen JavaScript: entry chunks + one catalogue', value: initialKb + catalogueKb, baselineName: 'one chunk, as before the split', baseline: singleKb, unit: 'KB' });

  const launch = playwrightConfig.use?.launchOptions ?? {};
  const browser = await chromium.launch(launch);
  const workstation = await startWorkstation({ env: { LANG: 'en_GB.UTF-8' } });
  try {
    const firstScreen = await medianMs(runs, () => timeToHeading(browser, workstation.url));
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto(workstation.url);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const drawn = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<link[^>]*rel="modulepreload"[^>]*>/g, '');
    await page.close();
    const baselinePage = await serveStatic(drawn);
    try {
      const baseline = await medianMs(runs, () => timeToHeading(browser, baselinePage.url));
      printFigure({ name: 'first screen: navigation to its heading (aim ≤ 1000 ms)', value: firstScreen, baselineName: 'the same screen as static HTML', baseline, unit: 'ms' });
    } finally {
      await baselinePage.close();
    }
  } finally {
    await workstation.stop();
    await browser.close();
    fs.rmSync(workstation.dataDir, { recursive: true, force: true });
  }
}
