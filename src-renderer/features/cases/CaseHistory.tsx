import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../shared/api/cases';
import type { Language } from '../../../shared/i18n/languages';
import type { EventStatus } from '../../../shared/workflows/caseLog';
import type { WorkflowDef } from '../../../shared/workflows/workflowTypes';
import { showMoment } from './caseText';
import { eventComment, eventWhat, eventWho } from './eventText';

const statusKey = {
  discarded: 'cases.statusDiscarded',
  inConflict: 'cases.statusInConflict',
  orphan: 'cases.statusOrphan',
  superseded: 'cases.statusSuperseded',
  refused: 'cases.statusRefused',
} as const satisfies Record<Exclude<EventStatus, 'effective'> | 'refused', string>;

/** Why the central server refused one of this workstation's events: the workflow's own words where it names a rule. */
function refusalText(refusal: { code: string; reason: string | null }, t: TFunction, exists: (key: string) => boolean): string {
  const workflowKey = `workflow.${refusal.reason ?? ''}`;
  return refusal.reason !== null && exists(workflowKey) ? t(workflowKey, { missing: '—' }) : t(`sync.rejection_${refusal.code}`);
}

/** Every event of the case, newest first: who, when, what, and — if it is not in force — what became of it. */
export function CaseHistory({ view, def, language }: { view: CaseView; def: WorkflowDef; language: Language }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="case-history" aria-labelledby="case-history-heading">
      <h3 id="case-history-heading">{t('cases.history')}</h3>
      {view.history.length === 0 ? <p className="hint">{t('cases.historyEmpty')}</p> : null}
      <ol>
        {[...view.history].reverse().map(({ event, status, refusal }) => {
          const comment = eventComment(event);
          return (
            <li key={event.id} className={`case-history__event case-history__event--${status}`}>
              <span className="case-history__when">
                {showMoment(event.at, def, language)} · {eventWho(event, language, t)}
              </span>
              <span className="case-history__what">
                {eventWhat(event, def, language, t)}
                {status === 'effective' ? null : <span className={`case-status case-status--${status}`}>{t(statusKey[status])}</span>}
              </span>
              {comment ? <span className="case-history__comment">{t('cases.comment', { comment })}</span> : null}
              {refusal ? <span className="case-history__comment">{t('cases.refusedBecause', { why: refusalText(refusal, t, (key) => i18n.exists(key)) })}</span> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
