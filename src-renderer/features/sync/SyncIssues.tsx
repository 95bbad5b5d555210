import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncIssueView } from '../../../shared/api/sync';
import type { FormDef, FormValues } from '../../../shared/forms/formTypes';
import { classifierMap, findForm } from '../../../shared/forms/packTypes';
import { formatDate } from '../../../shared/i18n/format';
import type { Language } from '../../../shared/i18n/languages';
import { registryPacks } from '../../../shared/packs';
import { useClient } from '../../api/ClientContext';
import { unwrap } from '../../api/unwrap';
import { valueText } from '../records/valueText';
import { syncQueries, useSyncAction } from './queries';

/** One side of a conflicting section: each field with its value, as a person reads it. */
function SectionValues({ form, sectionId, values, language }: { form: FormDef; sectionId: string; values: FormValues; language: Language }) {
  const { t } = useTranslation();
  const found = findForm(registryPacks, form.id);
  const classifiers = found ? classifierMap(found.pack) : {};
  const section = form.sections.find((candidate) => candidate.id === sectionId);
  const rows = (section?.fields ?? [])
    .map((field) => [field.label[language], valueText(field, values[field.id], language, classifiers, [t('records.yes'), t('records.no')])] as const)
    .filter(([, text]) => text !== '');
  if (rows.length === 0) return <p className="muted">{t('sync.emptySection')}</p>;
  return (
    <dl className="facts">
      {rows.map(([label, text]) => (
        <div key={label} className="facts__row">
          <dt>{label}</dt>
          <dd>{text}</dd>
        </div>
      ))}
    </dl>
  );
}

function ConflictCard({ issue, form, language, onOpen }: { issue: SyncIssueView; form: FormDef; language: Language; onOpen: () => void }) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<Record<string, 'mine' | 'theirs'>>({});
  const resolve = useSyncAction((client, input: { changeId: string; choices: Record<string, 'mine' | 'theirs'> }) => unwrap(client.call('sync.resolve', input)));
  const complete = issue.sections.every((section) => choices[section.sectionId]);
  return (
    <article className="panel sync-issue" aria-label={t('sync.conflictTitle', { title: issue.title })}>
      <h3>{t('sync.conflictTitle', { title: issue.title })}</h3>
      <p>{t('sync.conflictLead', { by: issue.theirsBy ?? '', at: issue.theirsAt ? formatDate(new Date(issue.theirsAt), language) : '' })}</p>
      {issue.sections.map((section) => {
        const title = form.sections.find((candidate) => candidate.id === section.sectionId)?.title[language] ?? section.sectionId;
        return (
          <fieldset key={section.sectionId} className="sync-issue__section">
            <legend>{title}</legend>
            <div className="sync-issue__sides">
              {(['mine', 'theirs'] as const).map((side) => (
                <label key={side} className={choices[section.sectionId] === side ? 'sync-issue__side sync-issue__side--chosen' : 'sync-issue__side'}>
                  <span className="sync-issue__choice">
                    <input
                      type="radio"
                      name={`${issue.changeId}-${section.sectionId}`}
                      checked={choices[section.sectionId] === side}
                      onChange={() => setChoices({ ...choices, [section.sectionId]: side })}
                    />{' '}
                    {side === 'mine' ? t('sync.keepMine') : t('sync.takeTheirs')}
                  </span>
                  <strong>{side === 'mine' ? t('sync.mine') : t('sync.theirs')}</strong>
                  <SectionValues form={form} sectionId={section.sectionId} values={side === 'mine' ? section.mine : section.theirs} language={language} />
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      <div className="actions">
        <button type="button" className="primary-button" disabled={!complete || resolve.isPending} onClick={() => resolve.mutate({ changeId: issue.changeId, choices })}>
          {t('sync.resolve')}
        </button>
        <button type="button" className="link-button" onClick={onOpen}>
          {t('sync.openRecord')}
        </button>
      </div>
      {resolve.error ? <p role="alert">{resolve.error.message}</p> : null}
    </article>
  );
}

/** Changes the server did not accept: conflicts side by side, rejections with their reasons. */
export function SyncIssues({ language, onOpen }: { language: Language; onOpen: (formId: string, recordId: string) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const issues = useQuery(syncQueries.issues(client));
  if (!issues.data || issues.data.length === 0) return null;
  return (
    <section className="sync-issues" aria-label={t('sync.issuesTitle')}>
      <h2>{t('sync.issuesTitle')}</h2>
      {issues.data.map((issue) => {
        const form = findForm(registryPacks, issue.formId)?.form;
        if (!form) return null;
        if (issue.kind === 'conflict') return <ConflictCard key={issue.changeId} issue={issue} form={form} language={language} onOpen={() => onOpen(issue.formId, issue.recordId)} />;
        return (
          <article key={issue.changeId} className="panel sync-issue" aria-label={t('sync.rejectedTitle', { title: issue.title })}>
            <h3>{t('sync.rejectedTitle', { title: issue.title })}</h3>
            <p>{issue.reason}</p>
            {issue.problems.length > 0 ? (
              <ul>
                {issue.problems.map((problem) => (
                  <li key={`${problem.field}-${problem.message}`}>{problem.message}</li>
                ))}
              </ul>
            ) : null}
            <p className="muted">{t('sync.rejectedLead')}</p>
            <button type="button" className="link-button" onClick={() => onOpen(issue.formId, issue.recordId)}>
              {t('sync.openRecord')}
            </button>
          </article>
        );
      })}
    </section>
  );
}
