import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lookUpElectron } from '../../../src-main/start/electronBinary';
import { tempDir } from '../../support/tempDir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** A stand-in repo whose node_modules/electron has the given install.js. */
function fakeRepo(installScript: string | null): string {
  const temp = tempDir();
  cleanups.push(temp.cleanup);
  if (installScript === null) return temp.dir;
  const electronDir = path.join(temp.dir, 'node_modules', 'electron');
  fs.mkdirSync(electronDir, { recursive: true });
  fs.writeFileSync(path.join(electronDir, 'package.json'), '{"name":"electron","version":"45.0.0"}');
  fs.writeFileSync(path.join(electronDir, 'install.js'), installScript);
  return temp.dir;
}

const failingInstaller = `console.log('downloading'); console.error('RequestError: getaddrinfo ENOTFOUND github.com'); process.exit(1);`;
const workingInstaller = `const fs = require('fs'), p = require('path');
fs.mkdirSync(p.join(__dirname, 'dist'), { recursive: true });
fs.writeFileSync(p.join(__dirname, 'dist', 'electron'), '');
fs.writeFileSync(p.join(__dirname, 'path.txt'), 'electron');`;

describe('finding Electron for npm start', () => {
  it('says so when the electron package is not installed', () => {
    expect(lookUpElectron(fakeRepo(null))).toEqual({ available: false, reason: 'electronNotInstalled', params: {} });
  });

  it('tries the installer once, reports its error, and does not try again', () => {
    const repo = fakeRepo(failingInstaller);
    const first = lookUpElectron(repo);
    expect(first).toMatchObject({ available: false, reason: 'electronDownloadFailed', params: { detail: 'RequestError: getaddrinfo ENOTFOUND github.com' } });
    // Break the installer: if it ran again, the answer would change.
    fs.writeFileSync(path.join(repo, 'node_modules', 'electron', 'install.js'), workingInstaller);
    expect(lookUpElectron(repo)).toMatchObject({ available: false, reason: 'electronFailedBefore' });
  });

  it('uses the binary once the installer provides it', () => {
    const repo = fakeRepo(workingInstaller);
    const found = lookUpElectron(repo);
    expect(found).toEqual({ available: true, executable: path.join(repo, 'node_modules', 'electron', 'dist', 'electron') });
  });
});
