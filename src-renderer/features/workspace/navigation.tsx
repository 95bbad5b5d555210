import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { DraftView } from '../../../shared/api/records';

/** Where the operator is in the workstation: one task at a time, chosen from the side navigation. */
export type Place =
  | { kind: 'dashboard' }
  | { kind: 'list'; formId: string }
  | { kind: 'new'; formId: string; draft?: DraftView }
  | { kind: 'open'; formId: string; recordId: string; draft?: DraftView; saved?: { kind: 'new' | 'change'; at: string } }
  | { kind: 'stats' }
  | { kind: 'exchange' }
  | { kind: 'account' };

interface Navigation {
  place: Place;
  go: (place: Place) => void;
}

const NavigationContext = createContext<Navigation>({ place: { kind: 'dashboard' }, go: () => undefined });

/** Holds the current place for the status strip (its details lead to the exchange) and the views. */
export function NavigationProvider({ initial, children }: { initial: Place; children: ReactNode }) {
  const [place, setPlace] = useState<Place>(initial);
  const value = useMemo(() => ({ place, go: setPlace }), [place]);
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export const useNavigation = (): Navigation => useContext(NavigationContext);

/** The same task, told apart from others in the side navigation (a record belongs to its form's list). */
export function sameTask(a: Place, b: Place): boolean {
  const group = (place: Place) => (place.kind === 'new' || place.kind === 'open' || place.kind === 'list' ? `form:${place.formId}` : place.kind);
  return group(a) === group(b);
}
