import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionStatus } from '../../../shared/api/session';
import type { Language } from '../../../shared/i18n/languages';
import { useClient } from '../../api/ClientContext';
import { ownsCaseSteps } from '../cases/caseText';
import { useTaskCount } from '../cases/TaskList';
import { recordQueries } from '../records/queries';
import { syncQueries } from '../sync/queries';
import { AccountView } from './AccountView';
import { Dashboard } from './Dashboard';
import { ExchangeView } from './ExchangeView';
import { NavigationProvider, useNavigation } from './navigation';
import { NewRecordPage, OpenRecordPage } from './RecordPage';
import { firstPlace, registryForms } from './registryForms';
import { RegistryView } from './RegistryView';
import { SideNav } from './SideNav';
import { StatusStrip } from './StatusStrip';

/** The statistics screen brings chart.js: its own chunk, loaded when the operator opens it. */
const StatsScreen = lazy(() => import('../stats/StatsScreen').then((module) => ({ default: module.StatsScreen })));

type SignedIn = Extract<SessionStatus, { state: 'signedIn' }>;

/** The signed-in operator's workstation: the status strip, navigation by task, one view at a time. */
export function Workbench({ status, language }: { status: SignedIn; language: Language }) {
  return (
    <NavigationProvider initial={firstPlace(status.user.role)}>
      <WorkbenchBody status={status} language={language} />
    </NavigationProvider>
  );
}

function WorkbenchBody({ status, language }: { status: SignedIn; language: Language }) {
  const client = useClient();
  const role = status.user.role;
  const forms = registryForms(role);
  const alerts = useQuery({ ...recordQueries.alerts(client), enabled: forms.length > 0 }).data?.length ?? 0;
  const sync = useQuery(syncQueries.status(client)).data;
  const tasks = useTaskCount(ownsCaseSteps(role));
  const due = alerts + tasks + (sync ? sync.conflicts + sync.rejected : 0);
  return (
    <div className="workbench">
      <StatusStrip status={status} />
      {status.serverNotice ? (
        <p className={`notice notice--${status.serverNotice.code}`} role="alert">
          {status.serverNotice.message}
        </p>
      ) : null}
      <div className="workbench__body">
        <SideNav forms={forms} language={language} due={due} />
        <main className="workbench__main">
          <CurrentView status={status} language={language} due={due} />
        </main>
      </div>
    </div>
  );
}

function CurrentView({ status, language, due }: { status: SignedIn; language: Language; due: number }) {
  const { t } = useTranslation();
  const { place, go } = useNavigation();
  const role = status.user.role;
  const forms = registryForms(role);
  switch (place.kind) {
    case 'dashboard':
      return <Dashboard forms={forms} role={role} language={language} due={due} />;
    case 'stats':
      return (
        <Suspense fallback={<p className="status">{t('status.loading')}</p>}>
          <StatsScreen onOpenRecord={(formId, recordId) => go({ kind: 'open', formId, recordId })} />
        </Suspense>
      );
    case 'exchange':
      return <ExchangeView language={language} />;
    case 'account':
      return <AccountView status={status} language={language} />;
    default: {
      const entry = forms.find((candidate) => candidate.form.id === place.formId);
      if (!entry) return <Dashboard forms={forms} role={role} language={language} due={due} />;
      if (place.kind === 'list') return <RegistryView key={entry.form.id} entry={entry} role={role} language={language} />;
      if (place.kind === 'new') return <NewRecordPage key={place.draft?.id ?? 'new'} entry={entry} role={role} language={language} {...(place.draft ? { draft: place.draft } : {})} />;
      return (
        <OpenRecordPage key={place.recordId} entry={entry} role={role} language={language} recordId={place.recordId} {...(place.draft ? { draft: place.draft } : {})} {...(place.saved ? { saved: place.saved } : {})} />
      );
    }
  }
}
