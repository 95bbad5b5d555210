import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n/languages';
import { useClient } from '../../api/ClientContext';
import { useNavigation } from '../workspace/navigation';
import { showMoment, stepName, workflowById } from './caseText';
import { caseQueries } from './queries';
import { StepBadge } from './StepBadge';
import './cases.css';

/** "What I must do": the case steps the operator's role owns, overdue first (the backend's order); each opens its record. */
export function TaskList({ language }: { language: Language }) {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const tasks = useQuery(caseQueries.tasks(useClient()));
  return (
    <section className="case-tasks" aria-labelledby="case-tasks-heading">
      <h2 id="case-tasks-heading">{t('cases.tasksTitle')}</h2>
      <p className="hint">{t('cases.tasksLead')}</p>
      {tasks.data?.length === 0 ? <p className="case-tasks__empty">{t('cases.tasksEmpty')}</p> : null}
      <ul>
        {tasks.data?.map((task) => {
          const def = workflowById(task.workflowId);
          const step = def ? stepName(def, task.stepId, language) : task.stepId;
          return (
            <li key={`${task.recordId}-${task.stepId}`} className={`case-task case-task--${task.state}`}>
              <button type="button" className="link-button" onClick={() => go({ kind: 'open', formId: task.formId, recordId: task.recordId })}>
                {task.title || task.recordId}
              </button>
              <span className="case-task__step">{step}</span>
              <span className="case-task__due">{task.due && def ? t('cases.taskDue', { date: showMoment(task.due, def, language) }) : t('cases.noDeadline')}</span>
              <StepBadge state={task.state} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** How many case steps wait for the operator (the dashboard's count in the side navigation). */
export function useTaskCount(enabled: boolean): number {
  return useQuery({ ...caseQueries.tasks(useClient()), enabled }).data?.length ?? 0;
}
