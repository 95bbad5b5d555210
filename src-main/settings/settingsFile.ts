import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../fsx/atomicWrite';
import { defaultSettings, settingsSchema, type Settings } from '../../shared/api/settings';

export interface SettingsFileProblem {
  kind: 'damaged';
  /** Where the unreadable file was moved, so that nothing is silently thrown away. */
  keptAs: string;
}

/**
 * settings.json in the data folder: preferences only (no personal data), written atomically
 * (temp file + fsync + rename) so a crash never leaves half a file.
 */
export class SettingsFile {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'settings.json');
  }

  read(): { settings: Settings; problem?: SettingsFileProblem } {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if (isNotFound(error)) return { settings: { ...defaultSettings } };
      throw error;
    }
    try {
      const parsed = settingsSchema.partial().safeParse(JSON.parse(text));
      if (parsed.success) return { settings: { ...defaultSettings, ...parsed.data } };
    } catch {
      // not JSON: handled below like any other damage
    }
    const keptAs = `${this.file}.damaged-${Date.now()}`;
    fs.renameSync(this.file, keptAs);
    return { settings: { ...defaultSettings }, problem: { kind: 'damaged', keptAs } };
  }

  write(settings: Settings): void {
    writeFileAtomic(this.file, `${JSON.stringify(settings, null, 2)}\n`);
  }
}

const isNotFound = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && error.code === 'ENOENT';
