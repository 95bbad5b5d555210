#!/usr/bin/env node
// Renders resources/icon.svg to the 512×512 resources/icon.png the installers use, in Debian's
// Chromium through Playwright (its own browser cannot be downloaded here).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = fs.readFileSync(path.join(root, 'resources', 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.BALA_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(root, 'resources', 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
