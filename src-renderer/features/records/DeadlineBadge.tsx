import { useTranslation } from 'react-i18next';
import type { DeadlineStatus } from '../../../shared/forms/deadlines';
import { showDate } from './fields/DateInput';

const keys = { onTime: 'records.deadlineOnTime', late: 'records.deadlineLate', open: 'records.deadlineOpen', overdue: 'records.deadlineOverdue' } as const;

/** Whether the record was entered within the regulation's deadline. */
export function DeadlineBadge({ deadline }: { deadline: DeadlineStatus | null }) {
  const { t } = useTranslation();
  if (!deadline) return null;
  return (
    <span className={`deadline deadline--${deadline.state}`}>
      {t(keys[deadline.state], { due: showDate(deadline.due), entered: deadline.enteredOn ? showDate(deadline.enteredOn) : '' })}
    </span>
  );
}
