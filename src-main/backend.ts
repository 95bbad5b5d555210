import type { TFunction } from 'i18next';
import type { RunMode } from '../shared/api/appInfo';
import { defaultLanguage, pickLanguage, type Language } from '../shared/i18n/languages';
import { translatorFor } from '../shared/i18n/translator';
import { createDispatcher, type Dispatch } from './api/dispatcher';
import { handlers } from './api/handlerMap';
import type { BackendContext } from './api/handlers';
import { appVersion } from './appVersion';
import { EventBus } from './events/eventBus';
import { silentLogger, type Logger } from './log/logger';
import { secureDataDir } from './paths/dataDir';
import { systemLocales } from './paths/systemLocales';
import { defaultSearchPlaces, type SearchPlaces } from './activation/profileSearch';
import type { PackDef } from '../shared/forms/packTypes';
import { registryPacks } from '../shared/packs';
import { SessionService } from './session/sessionService';
import { SettingsService } from './settings/settingsService';
import { SyncService } from './sync/syncService';
import { PrintSpool } from './print/printSpool';

export interface BackendOptions {
  dataDir: string;
  mode: RunMode;
  /** The system's preferred locales; Electron passes app.getPreferredSystemLanguages(). */
  locales?: readonly string[];
  /** Forces the language of messages for this run (the CLI's --lang), above the settings. */
  language?: Language;
  log?: Logger;
  profilePlaces?: SearchPlaces;
  /** Registry packs (default: every pack Bala ships); tests pass their own. */
  packs?: readonly PackDef[];
  /** The desktop shell's print preview window (Electron only). */
  showPrintPreview?: (documentId: string, title: string) => void;
}

export interface Backend {
  readonly ctx: BackendContext;
  readonly call: Dispatch;
  readonly events: EventBus;
  close(): Promise<void>;
}

/** The workstation backend, independent of any transport: Electron, HTTP, CLI and tests share it. */
export function createBackend(options: BackendOptions): Backend {
  const log = options.log ?? silentLogger;
  secureDataDir(options.dataDir);
  const events = new EventBus();
  const settings = new SettingsService(options.dataDir, events, (keptAs) =>
    log.warn(`settings.json was unreadable; kept as ${keptAs}, defaults in use`),
  );
  const systemLanguage = pickLanguage(options.locales ?? systemLocales());
  const translators = new Map<Language, TFunction>();

  const language = (): Language => options.language ?? settings.get().language ?? systemLanguage ?? defaultLanguage;
  const translate = (): TFunction => {
    const current = language();
    let t = translators.get(current);
    if (!t) translators.set(current, (t = translatorFor(current)));
    return t;
  };
  const session = new SessionService({
    dataDir: options.dataDir,
    events,
    language,
    idleLockMinutes: () => settings.get().idleLockMinutes,
    describe: (key, params) => translate()(key, params),
  });

  const packs = options.packs ?? registryPacks;
  const sync = new SyncService({
    session,
    events,
    packs,
    describe: (key, params) => translate()(key, params),
    // The desktop and browser modes sync in the background; the CLI and tests ask when they want it.
    background: options.mode === 'electron' || options.mode === 'browser',
  });

  const printSpool = new PrintSpool();
  // Nothing printed outlives the session: sign-out, lock and idle lock empty the spool (zeroed).
  let printedFor: string | null = null;
  const unsubscribePrint = events.subscribe((event) => {
    if (event.name !== 'session.changed') return;
    const now = event.payload.state === 'signedIn' ? event.payload.user.username : null;
    if (now === null || now !== printedFor) printSpool.clear();
    printedFor = now;
  });
  const ctx: BackendContext = {
    dataDir: options.dataDir,
    mode: options.mode,
    version: appVersion,
    systemLanguage,
    settings,
    events,
    session,
    sync,
    profilePlaces: options.profilePlaces ?? defaultSearchPlaces(),
    packs,
    printSpool,
    ...(options.showPrintPreview ? { showPrintPreview: options.showPrintPreview } : {}),
    language,
    t: translate,
  };

  const call = createDispatcher(handlers, ctx, {
    internalError: (operation, error) => log.error(`operation ${operation} failed`, error),
  });

  return {
    ctx,
    call,
    events,
    close: () => {
      sync.close();
      unsubscribePrint();
      printSpool.clear();
      session.close();
      return Promise.resolve();
    },
  };
}
