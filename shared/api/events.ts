import type { HandoverProgress } from './handover';
import type { PrintProgress } from './print';
import type { SessionStatus } from './session';
import type { Settings } from './settings';
import type { SyncStatus } from './sync';

/** Events the backend pushes to every connected UI. */
export interface EventMap {
  'settings.changed': Settings;
  'session.changed': SessionStatus;
  'sync.changed': SyncStatus;
  /** A print job prepared another card (the window's progress bar). */
  'print.progress': PrintProgress;
  /** A handover package is being written to a carrier, then read back (the export's progress bar). */
  'handover.progress': HandoverProgress;
}

export type EventName = keyof EventMap;

export type BalaEvent = { [N in EventName]: { name: N; payload: EventMap[N] } }[EventName];

export const eventNames: readonly EventName[] = ['settings.changed', 'session.changed', 'sync.changed', 'print.progress', 'handover.progress'];
