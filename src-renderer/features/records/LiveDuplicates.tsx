import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../shared/api/records';
import { DuplicateCandidateLine } from './DuplicateCandidateLine';
import './duplicates.css';

/**
 * The early warning beside a new child's identity fields: records that may be the same child,
 * found while the operator types. A polite live region that is always there (so screen readers
 * hear what appears) and empty while there is nothing to say.
 */
export function LiveDuplicates({ candidates, onOpen }: { candidates: DuplicateCandidate[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <div className="live-duplicates" aria-live="polite">
      {candidates.length > 0 ? (
        <section className="live-duplicates__panel" aria-labelledby={titleId}>
          <h2 id={titleId}>{t('records.liveDuplicatesTitle', { count: candidates.length })}</h2>
          <p>{t('records.liveDuplicatesLead')}</p>
          <ul className="duplicate-candidates">
            {candidates.map((candidate) => (
              <DuplicateCandidateLine key={candidate.recordId} candidate={candidate} onOpen={onOpen} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
