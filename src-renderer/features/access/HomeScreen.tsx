import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionStatus } from '../../../shared/api/session';
import type { Language } from '../../../shared/i18n/languages';

type SignedIn = Extract<SessionStatus, { state: 'signedIn' }>;

/**
 * The workbench (records, forms, statistics, printing) is its own chunk: the first screen (first
 * run, activation, sign-in) loads without it; signing in fetches it from disk or 127.0.0.1.
 */
const Workbench = lazy(() => import('../workspace/Workbench').then((module) => ({ default: module.Workbench })));

/** The signed-in operator's home: the workbench (status strip, navigation by task, the current view). */
export function HomeScreen({ status, language }: { status: SignedIn; language: Language }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="status">{t('status.loading')}</p>}>
      <Workbench status={status} language={language} />
    </Suspense>
  );
}
