import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEntryUrl, isAppFrame, resolveAppFile, serveAppRequest } from '../../../src-main/electron/appProtocol';
import { tempDir } from '../../support/tempDir';

let root: string;
let renderer: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir: root, cleanup } = tempDir('bala-protocol-'));
  renderer = path.join(root, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Bala</title>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'secret.json'), '{"pin":"12345678901234"}');
});
afterAll(() => cleanup());

describe('the bala:// application scheme', () => {
  it('serves the built UI with the security headers of browser mode', async () => {
    const response = await serveAppRequest(renderer, appEntryUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await response.text()).toContain('<title>Bala</title>');
    const script = await serveAppRequest(renderer, 'bala://app/assets/app.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const url of ['bala://app/../secret.json', 'bala://app/%2e%2e/secret.json', 'bala://app/assets/..%2f..%2fsecret.json']) {
      const file = resolveAppFile(renderer, url);
      // The URL parser may fold `..` away; whatever remains must stay inside the renderer folder.
      if (file !== null) expect(file.startsWith(renderer + path.sep), url).toBe(true);
      expect((await serveAppRequest(renderer, url)).status, url).toBe(404);
    }
  });

  it('refuses other hosts, schemes and unknown file types', () => {
    expect(resolveAppFile(renderer, 'bala://evil/index.html')).toBeNull();
    expect(resolveAppFile(renderer, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppFile(renderer, 'bala://app/index.exe')).toBeNull();
    expect(resolveAppFile(renderer, 'bala://app/%E0%A4%A')).toBeNull();
    expect(resolveAppFile(renderer, 'bala://app/')).toBe(path.join(renderer, 'index.html'));
  });

  it('answers 404 for a missing file', async () => {
    expect((await serveAppRequest(renderer, 'bala://app/assets/missing.js')).status).toBe(404);
  });

  it('recognises the application frame and nothing else', () => {
    expect(isAppFrame('bala://app/index.html#/children')).toBe(true);
    expect(isAppFrame('bala://other/index.html')).toBe(false);
    expect(isAppFrame('https://app/index.html')).toBe(false);
    expect(isAppFrame('file:///opt/Bala/resources/app/dist/renderer/index.html')).toBe(false);
    expect(isAppFrame('')).toBe(false);
  });
});
