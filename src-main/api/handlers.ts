import type { TFunction } from 'i18next';
import type { OperationName, OutputOf, ParsedInputOf } from '../../shared/api/contract';
import type { RunMode } from '../../shared/api/appInfo';
import type { PackDef } from '../../shared/forms/packTypes';
import type { Language } from '../../shared/i18n/languages';
import type { EventBus } from '../events/eventBus';
import type { PrintSpool } from '../print/printSpool';
import type { SearchPlaces } from '../activation/profileSearch';
import type { SessionService } from '../session/sessionService';
import type { SettingsService } from '../settings/settingsService';
import type { SyncService } from '../sync/syncService';

/** What every handler may use: the workstation's services, never transport details. */
export interface BackendContext {
  readonly dataDir: string;
  readonly mode: RunMode;
  readonly version: string;
  readonly systemLanguage: Language | null;
  readonly settings: SettingsService;
  readonly events: EventBus;
  readonly session: SessionService;
  readonly sync: SyncService;
  /** Where activation looks for issued profiles (tests point it elsewhere). */
  readonly profilePlaces: SearchPlaces;
  /** The registry packs this workstation knows (forms, reference data, roles). */
  readonly packs: readonly PackDef[];
  /** Printed PDFs waiting, in memory only, for the browser's viewer or the preview window. */
  readonly printSpool: PrintSpool;
  /** The desktop shell's print preview (absent in browser mode and the CLI). */
  readonly showPrintPreview?: (documentId: string, title: string) => void;
  /** The language in force now (the operator's choice, else the system's, else Kyrgyz). */
  language(): Language;
  t(): TFunction;
}

export type Handler<N extends OperationName> = (
  input: ParsedInputOf<N>,
  ctx: BackendContext,
) => OutputOf<N> | Promise<OutputOf<N>>;

/** The complete map: a missing or mistyped handler is a compile error. */
export type Handlers = { [N in OperationName]: Handler<N> };

/** The handlers of one domain (`app.*`, `settings.*`, …). */
export type DomainHandlers<D extends string> = {
  [N in OperationName as N extends `${D}.${string}` ? N : never]: Handler<N>;
};
