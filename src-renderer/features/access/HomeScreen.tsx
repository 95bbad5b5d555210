import type { SessionStatus } from '../../../shared/api/session';
import type { Language } from '../../../shared/i18n/languages';
import { Workbench } from '../workspace/Workbench';

type SignedIn = Extract<SessionStatus, { state: 'signedIn' }>;

/** The signed-in operator's home: the workbench (status strip, navigation by task, the current view). */
export function HomeScreen({ status, language }: { status: SignedIn; language: Language }) {
  return <Workbench status={status} language={language} />;
}
