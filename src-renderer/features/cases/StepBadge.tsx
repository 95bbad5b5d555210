import { useTranslation } from 'react-i18next';
import type { StepState } from '../../../shared/workflows/stepDeadlines';
import { stepStateKey } from './caseText';
import './cases.css';

/** Where a step stands, in the look of the records' deadline badges (open, due soon, overdue, done, done late). */
export function StepBadge({ state }: { state: StepState }) {
  const { t } = useTranslation();
  return <span className={`deadline deadline--${state}`}>{t(stepStateKey[state])}</span>;
}
