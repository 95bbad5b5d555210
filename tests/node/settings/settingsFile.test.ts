import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../../src-main/events/eventBus';
import { SettingsFile } from '../../../src-main/settings/settingsFile';
import { SettingsService } from '../../../src-main/settings/settingsService';
import { tempDir } from '../../support/tempDir';

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()));
const fresh = () => {
  const temp = tempDir();
  temps.push(temp.cleanup);
  return temp.dir;
};

describe('settings file', () => {
  it('starts from defaults and keeps what was written, with no temp file left', () => {
    const dir = fresh();
    const file = new SettingsFile(dir);
    expect(file.read().settings).toEqual({ language: null, idleLockMinutes: 10 });
    file.write({ language: 'ru', idleLockMinutes: 5 });
    expect(new SettingsFile(dir).read().settings).toEqual({ language: 'ru', idleLockMinutes: 5 });
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
  });

  it('moves a damaged file aside instead of losing it, and falls back to defaults', () => {
    const dir = fresh();
    fs.writeFileSync(path.join(dir, 'settings.json'), '{"language": "ru", broken');
    const warnings: string[] = [];
    const service = new SettingsService(dir, new EventBus(), (keptAs) => warnings.push(keptAs));
    expect(service.get()).toEqual({ language: null, idleLockMinutes: 10 });
    expect(warnings).toHaveLength(1);
    expect(fs.readFileSync(warnings[0] ?? '', 'utf8')).toContain('broken');
  });

  it('treats a value outside the schema as damage', () => {
    const dir = fresh();
    fs.writeFileSync(path.join(dir, 'settings.json'), '{"language": "fr"}');
    const { settings, problem } = new SettingsFile(dir).read();
    expect(settings.language).toBeNull();
    expect(problem?.kind).toBe('damaged');
  });

  it('reports a write failure as STORAGE_FAILED and keeps the old settings', () => {
    const dir = fresh();
    const service = new SettingsService(dir, new EventBus());
    fs.mkdirSync(path.join(dir, 'settings.json')); // a folder where the file should go: rename fails
    expect(() => service.update({ language: 'en' })).toThrow(expect.objectContaining({ code: 'STORAGE_FAILED' }));
    expect(service.get().language).toBeNull();
  });
});
