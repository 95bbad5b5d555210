import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionStatus } from '../../../shared/api/session';
import type { Language } from '../../../shared/i18n/languages';

type SignedIn = Extract<SessionStatus, { state: 'signedIn' }>;

/**
 * The workbench (records, forms, packs, statistics, printing) is its own chunk: the first screen
 * (first run, activation, sign-in) loads without it. Once that screen is up and the page idle,
 * the chunk is fetched ahead, so signing in does not wait on it.
 */
const loadWorkbench = () => import('../workspace/Workbench');
const Workbench = lazy(() => loadWorkbench().then((module) => ({ default: module.Workbench })));

if (typeof window !== 'undefined' && 'requestIdleCallback' in window) {
  window.addEventListener('load', () => window.requestIdleCallback(() => void loadWorkbench(), { timeout: 5000 }), { once: true });
}

/** The signed-in operator's home: the workbench (status strip, navigation by task, the current view). */
export function HomeScreen({ status, language }: { status: SignedIn; language: Language }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="status">{t('status.loading')}</p>}>
      <Workbench status={status} language={language} />
    </Suspense>
  );
}
