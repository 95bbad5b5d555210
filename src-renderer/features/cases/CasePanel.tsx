import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n/languages';
import type { WorkflowDef } from '../../../shared/workflows/workflowTypes';
import { useClient } from '../../api/ClientContext';
import { roleName } from '../workspace/registryForms';
import { CaseActions } from './CaseActions';
import { CaseHistory } from './CaseHistory';
import { CaseSteps } from './CaseSteps';
import { momentParts, stateName, transitionName, workflowById } from './caseText';
import { caseQueries } from './queries';
import './cases.css';

/** Does the role ever act on this workflow's cases (take, request or approve), or only read them? */
const actsOnCases = (def: WorkflowDef, role: string) => def.transitions.some((transition) => transition.roles.includes(role) || transition.approval?.roles.includes(role));

/**
 * The case on a case's record (Pack 2's child): its state, each step with its due date and
 * standing, the request awaiting approval, what the operator may do now, and the history.
 * A role that may only read sees the same, without buttons.
 */
export function CasePanel({ recordId, role, language }: { recordId: string; role: string; language: Language }) {
  const { t } = useTranslation();
  const found = useQuery(caseQueries.one(useClient(), recordId));
  const view = found.data;
  const def = view ? workflowById(view.workflowId) : null;
  if (found.error) return <p className="notice">{found.error.message}</p>;
  if (!view || !def) return null;
  const pending = view.pending;
  const pendingAt = pending ? momentParts(pending.at, def, language) : null;
  return (
    <section className="case-panel" aria-labelledby="case-panel-heading">
      <h2 id="case-panel-heading">{def.title[language]}</h2>
      <p className="case-panel__state">
        <span className="case-panel__state-label">{t('cases.state')}</span> <strong data-state={view.state}>{stateName(def, view.state, language)}</strong>
      </p>
      {view.final ? <p className="hint">{t('cases.closed')}</p> : null}
      <CaseSteps def={def} steps={view.steps} language={language} />
      {pending && pendingAt ? (
        <div className="case-pending">
          <p className="case-pending__what">{t('cases.pending', { transition: transitionName(def, pending.transition, language) })}</p>
          <p className="hint">{t('cases.pendingBy', { user: pending.by.userId, role: roleName(pending.by.role, language), date: pendingAt.date, time: pendingAt.time ?? '' })}</p>
          {pending.comment ? <p>{t('cases.comment', { comment: pending.comment })}</p> : null}
        </div>
      ) : null}
      {view.actions.length === 0 && !view.final ? <p className="hint case-panel__no-actions">{t(actsOnCases(def, role) ? 'cases.noActions' : 'cases.readOnly')}</p> : null}
      <CaseActions view={view} def={def} language={language} />
      <CaseHistory view={view} def={def} language={language} />
    </section>
  );
}
