import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShellArgs } from '../../../src-main/electron/args';

describe('Electron command line', () => {
  it('reads --data DIR and --data=DIR, relative to the working folder', () => {
    expect(parseShellArgs(['.', '--data', 'registry'], '/home/op').dataDir).toBe(path.resolve('/home/op/registry'));
    expect(parseShellArgs(['--data=/srv/bala'], '/home/op').dataDir).toBe(path.resolve('/srv/bala'));
  });

  it('leaves the data folder to the default when not given, and ignores Chromium switches', () => {
    expect(parseShellArgs(['.', '--no-sandbox', '--enable-logging'], '/x')).toEqual({ dataDir: undefined, profilePath: undefined });
  });

  it('takes the .balaprofile the system opened the app with', () => {
    expect(parseShellArgs(['C:/Users/op/Desktop/Agency 7.BALAPROFILE'], '/x').profilePath).toMatch(/Agency 7\.BALAPROFILE$/);
    expect(parseShellArgs(['notes.txt'], '/x').profilePath).toBeUndefined();
  });
});
