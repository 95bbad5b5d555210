import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n/languages';
import type { StepDeadline } from '../../../shared/workflows/stepDeadlines';
import type { WorkflowDef } from '../../../shared/workflows/workflowTypes';
import { showMoment, stepName } from './caseText';
import { StepBadge } from './StepBadge';

/** Each step of the case: its due date in the operator's language, when it was done, and where it stands. */
export function CaseSteps({ def, steps, language }: { def: WorkflowDef; steps: readonly StepDeadline[]; language: Language }) {
  const { t } = useTranslation();
  return (
    <table className="case-steps">
      <caption>{t('cases.steps')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('cases.step')}</th>
          <th scope="col">{t('cases.due')}</th>
          <th scope="col">{t('cases.done')}</th>
          <th scope="col">{t('cases.status')}</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((step) => (
          <tr key={step.stepId} className={`case-steps__row case-steps__row--${step.state}`}>
            <th scope="row">{stepName(def, step.stepId, language)}</th>
            <td>{step.due ? showMoment(step.due, def, language) : <span className="hint">{t('cases.noDeadline')}</span>}</td>
            <td>{step.doneAt ? showMoment(step.doneAt, def, language) : '—'}</td>
            <td>
              <StepBadge state={step.state} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
