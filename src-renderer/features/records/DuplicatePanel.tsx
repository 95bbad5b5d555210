import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../shared/api/records';
import { DuplicateCandidateLine } from './DuplicateCandidateLine';
import './duplicates.css';

/** Likely matches of a new child (§9.4): open one, or confirm a different child with a reason. */
export function DuplicatePanel(props: { candidates: DuplicateCandidate[]; onOpen: (id: string) => void; onConfirm: (reason: string) => void; busy: boolean }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const samePin = props.candidates.some((candidate) => candidate.samePin);
  return (
    <section className="duplicates" role="alertdialog" aria-labelledby={`${reasonId}-title`}>
      <h2 id={`${reasonId}-title`}>{t('records.duplicatesTitle')}</h2>
      <p>{t('records.duplicatesLead')}</p>
      <ul className="duplicate-candidates">
        {props.candidates.map((candidate) => (
          <DuplicateCandidateLine key={candidate.recordId} candidate={candidate} onOpen={props.onOpen} />
        ))}
      </ul>
      {samePin ? null : (
        // Not a <form>: the panel sits inside the record's form, and forms do not nest.
        <div className="duplicates__confirm">
          <label htmlFor={reasonId}>{t('records.confirmNewReason')}</label>
          <input
            id={reasonId}
            type="text"
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            onKeyDown={(event) => {
              // Enter confirms here instead of submitting the record's form again.
              if (event.key !== 'Enter') return;
              event.preventDefault();
              if (reason.trim()) props.onConfirm(reason.trim());
            }}
          />
          <button type="button" disabled={!reason.trim() || props.busy} onClick={() => props.onConfirm(reason.trim())}>
            {t('records.confirmNewSave')}
          </button>
        </div>
      )}
    </section>
  );
}
