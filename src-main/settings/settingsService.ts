import type { Settings, SettingsPatch } from '../../shared/api/settings';
import { BalaError } from '../api/balaError';
import type { EventBus } from '../events/eventBus';
import { SettingsFile } from './settingsFile';

/** The settings in memory, persisted on every change, announced as `settings.changed`. */
export class SettingsService {
  private current: Settings;
  private readonly file: SettingsFile;

  constructor(
    dataDir: string,
    private readonly events: EventBus,
    onDamaged: (keptAs: string) => void = () => undefined,
  ) {
    this.file = new SettingsFile(dataDir);
    const { settings, problem } = this.file.read();
    if (problem) onDamaged(problem.keptAs);
    this.current = settings;
  }

  get(): Settings {
    return { ...this.current };
  }

  update(patch: SettingsPatch): Settings {
    const next: Settings = { ...this.current, ...patch };
    try {
      this.file.write(next);
    } catch (error) {
      throw new BalaError('STORAGE_FAILED', { reason: error instanceof Error ? error.message : String(error) });
    }
    this.current = next;
    this.events.emit('settings.changed', this.get());
    return this.get();
  }
}
