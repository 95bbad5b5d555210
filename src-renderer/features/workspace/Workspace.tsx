import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canEdit, canView } from '../../../shared/forms/access';
import type { DraftView } from '../../../shared/api/records';
import type { FormDef } from '../../../shared/forms/formTypes';
import type { PackDef } from '../../../shared/forms/packTypes';
import { registryPacks } from '../../../shared/packs';
import { defaultLanguage, isLanguage } from '../../../shared/i18n/languages';
import { useClient } from '../../api/ClientContext';
import { recordQueries } from '../records/queries';
import { DraftList } from '../records/DraftList';
import { RecordEditor } from '../records/RecordEditor';
import { RecordHistory } from '../records/RecordHistory';
import { RecordList } from '../records/RecordList';
import { showDate } from '../records/fields/DateInput';
import { SubjectEvents } from './SubjectEvents';
import { SyncIssues } from '../sync/SyncIssues';
import { StatsScreen } from '../stats/StatsScreen';
import { BatchPrint } from '../print/BatchPrint';
import { PrintPanel } from '../print/PrintPanel';

type View =
  | { kind: 'list'; formId: string }
  | { kind: 'new'; formId: string; draft?: DraftView }
  | { kind: 'open'; formId: string; recordId: string; draft?: DraftView };

/** Registry work for the signed-in role: the forms it may see, their records, alerts. */
export function Workspace({ role }: { role: string }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : defaultLanguage;
  const client = useClient();
  const forms = registryPacks.flatMap((pack) => pack.forms.filter((form) => !form.subject && canView(form.access, role)).map((form) => ({ pack, form })));
  const [view, setView] = useState<View | null>(forms[0] ? { kind: 'list', formId: forms[0].form.id } : null);
  const alerts = useQuery({ ...recordQueries.alerts(client), enabled: forms.length > 0 });
  const [stats, setStats] = useState(false);
  if (!view) return null;
  const current = forms.find((entry) => entry.form.id === view.formId);
  if (!current) return null;
  return (
    <section className="workspace" aria-label={t('access.registryWork')}>
      <nav className="workspace__forms">
        {forms.map(({ form }) => (
          <button key={form.id} type="button" className={!stats && form.id === view.formId ? 'tab tab--current' : 'tab'} aria-current={!stats && form.id === view.formId} onClick={() => { setStats(false); setView({ kind: 'list', formId: form.id }); }}>
            {form.title[language]}
          </button>
        ))}
        <button type="button" className={stats ? 'tab tab--current' : 'tab'} aria-current={stats} onClick={() => setStats(true)}>
          {t('reports.title')}
        </button>
      </nav>
      {alerts.data && alerts.data.length > 0 ? (
        <ul className="alerts" role="status">
          {alerts.data.map((alert) => (
            <li key={`${alert.ruleId}-${alert.recordId}`}>
              <button type="button" className="link-button" onClick={() => { setStats(false); setView({ kind: 'open', formId: alert.formId, recordId: alert.recordId }); }}>
                {alert.title}
              </button>{' '}
              — {alert.message} ({showDate(alert.date)})
            </li>
          ))}
        </ul>
      ) : null}
      {stats ? (
        <StatsScreen onOpenRecord={(formId, recordId) => { setStats(false); setView({ kind: 'open', formId, recordId }); }} />
      ) : view.kind === 'list' ? (
        <>
          <SyncIssues language={language} onOpen={(formId, recordId) => setView({ kind: 'open', formId, recordId })} />
          <DraftList
            form={current.form}
            onContinue={(draft) => setView(draft.recordId ? { kind: 'open', formId: view.formId, recordId: draft.recordId, draft } : { kind: 'new', formId: view.formId, draft })}
          />
          <RecordList form={current.form} canCreate={canEdit(current.form.access, role)} onNew={() => setView({ kind: 'new', formId: view.formId })} onOpen={(recordId) => setView({ kind: 'open', formId: view.formId, recordId })} />
          <BatchPrint form={current.form} />
        </>
      ) : view.kind === 'new' ? (
        <RecordEditor
          pack={current.pack}
          form={current.form}
          role={role}
          {...(view.draft ? { draft: view.draft } : {})}
          onSaved={(record) => setView({ kind: 'open', formId: record.formId, recordId: record.id })}
          onOpenRecord={(recordId) => setView({ kind: 'open', formId: view.formId, recordId })}
          onCancel={() => setView({ kind: 'list', formId: view.formId })}
        />
      ) : (
        <OpenRecord pack={current.pack} form={current.form} role={role} recordId={view.recordId} {...(view.draft ? { draft: view.draft } : {})} onBack={() => setView({ kind: 'list', formId: view.formId })} onOpen={(recordId) => setView({ kind: 'open', formId: view.formId, recordId })} />
      )}
    </section>
  );
}

function OpenRecord(props: { pack: PackDef; form: FormDef; role: string; recordId: string; draft?: DraftView; onBack: () => void; onOpen: (id: string) => void }) {
  const client = useClient();
  const record = useQuery(recordQueries.one(client, props.recordId));
  if (!record.data) return null;
  return (
    <>
      <RecordEditor
        key={`${record.data.id}-${record.data.revision}`}
        pack={props.pack}
        form={props.form}
        role={props.role}
        record={record.data}
        {...(props.draft ? { draft: props.draft } : {})}
        onSaved={() => undefined} onOpenRecord={props.onOpen} onCancel={props.onBack} />
      <PrintPanel key={`print-${record.data.id}`} recordIds={[record.data.id]} undelivered={record.data.serverRevision === null} />
      <SubjectEvents pack={props.pack} subjectForm={props.form} subjectId={props.recordId} role={props.role} />
      <RecordHistory form={props.form} recordId={props.recordId} />
    </>
  );
}
