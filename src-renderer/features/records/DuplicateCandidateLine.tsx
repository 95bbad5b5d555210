import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../shared/api/records';
import { showDate } from './fields/DateInput';

/** One possible match: its name, birth date, why it matches, and a way to open it. */
export function DuplicateCandidateLine({ candidate, onOpen }: { candidate: DuplicateCandidate; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const whoId = useId();
  const why = [candidate.samePin ? t('records.duplicateSamePin') : null, candidate.similarName ? t('records.duplicateSimilarName') : null].filter(Boolean).join(', ');
  return (
    <li className="duplicate-candidate">
      <span id={whoId} className="duplicate-candidate__who">
        <strong>{candidate.title}</strong>
        {candidate.birthDate ? ` · ${showDate(candidate.birthDate)}` : ''}
      </span>
      <span className="duplicate-candidate__why">{why}</span>
      <button type="button" className="link-button" aria-describedby={whoId} onClick={() => onOpen(candidate.recordId)}>
        {t('records.openExisting')}
      </button>
    </li>
  );
}
