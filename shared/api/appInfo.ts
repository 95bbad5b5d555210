import type { Language } from '../i18n/languages';

/** Where the backend is being reached from. */
export type RunMode = 'electron' | 'browser' | 'cli' | 'test';

export interface AppInfo {
  name: string;
  version: string;
  mode: RunMode;
  platform: string;
  arch: string;
  dataDir: string;
  /** The system's language when it is one of the five, else null. */
  systemLanguage: Language | null;
  /** The language in force: the operator's choice, else the system's, else Kyrgyz. */
  language: Language;
  /** Whether the operator has chosen the language explicitly. */
  languageChosen: boolean;
}
