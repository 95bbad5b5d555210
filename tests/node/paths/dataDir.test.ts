import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../src-main/paths/dataDir';

describe('default data folder', () => {
  it('is the per-user application data folder of each OS', () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\op\\AppData\\Roaming' }, 'C:\\Users\\op')).toBe('C:\\Users\\op\\AppData\\Roaming\\Bala');
    expect(defaultDataDir('darwin', {}, '/Users/op')).toBe('/Users/op/Library/Application Support/Bala');
    expect(defaultDataDir('linux', {}, '/home/op')).toBe('/home/op/.local/share/bala');
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/data/op' }, '/home/op')).toBe('/data/op/bala');
    expect(defaultDataDir('linux', { XDG_DATA_HOME: 'relative' }, '/home/op')).toBe('/home/op/.local/share/bala');
  });
});
