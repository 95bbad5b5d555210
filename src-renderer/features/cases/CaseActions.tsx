import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseAction, CaseView } from '../../../shared/api/cases';
import type { Language } from '../../../shared/i18n/languages';
import type { WorkflowDef } from '../../../shared/workflows/workflowTypes';
import { ApiCallError } from '../../api/unwrap';
import { transitionName } from './caseText';
import { eventWhat, eventWho } from './eventText';
import { useCaseAct, type CaseActInput } from './queries';

type Act = Omit<CaseActInput, 'recordId'>;
/** How long the buttons stay disabled once an action is answered (longer than a double click). */
const settleMs = 600;
/** An action that needs a comment first: a request (required), an approval (optional), a rejection (required). */
type Composing = { act: Act; label: string; commentLabel: string; required: boolean };

/**
 * The actions the backend offers this operator now (each already tried against the case's rules),
 * as buttons; a request, approval or rejection asks for its comment first. While one is on its way
 * every button is disabled, and a second click before that is ignored: one click, one event.
 */
export function CaseActions({ view, def, language }: { view: CaseView; def: WorkflowDef; language: Language }) {
  const { t } = useTranslation();
  const act = useCaseAct(view.recordId);
  const inFlight = useRef(false);
  const [composing, setComposing] = useState<Composing | null>(null);
  const [comment, setComment] = useState('');
  const [missingComment, setMissingComment] = useState(false);
  // After an answer the buttons change under the pointer: a double click's second half must not press the next one.
  const [settling, setSettling] = useState(false);
  const busy = act.isPending || settling;

  const send = (input: Act) => {
    if (inFlight.current) return;
    inFlight.current = true;
    act.mutate(input, {
      onSuccess: () => {
        setComposing(null);
        setComment('');
      },
      onSettled: () => {
        setSettling(true);
        window.setTimeout(() => {
          inFlight.current = false;
          setSettling(false);
        }, settleMs);
      },
    });
  };
  const compose = (next: Composing) => {
    act.reset();
    setComposing(next);
    setComment('');
    setMissingComment(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!composing) return;
    const text = comment.trim();
    if (composing.required && !text) return setMissingComment(true);
    send(text ? { ...composing.act, comment: text } : composing.act);
  };

  const button = (action: CaseAction) => {
    switch (action.action) {
      case 'take': {
        const label = transitionName(def, action.transition, language);
        return (
          <button key={`take-${action.transition}`} type="button" disabled={busy} onClick={() => send({ action: 'take', transition: action.transition })}>
            {label}
          </button>
        );
      }
      case 'request': {
        const label = t('cases.request', { transition: transitionName(def, action.transition, language) });
        return (
          <button key={`request-${action.transition}`} type="button" className="secondary-button" disabled={busy} onClick={() => compose({ act: { action: 'request', transition: action.transition }, label: t('cases.sendRequest'), commentLabel: t('cases.requestComment'), required: true })}>
            {label}
          </button>
        );
      }
      case 'approve':
        return (
          <button key="approve" type="button" disabled={busy} onClick={() => compose({ act: { action: 'approve', request: action.request }, label: t('cases.approve'), commentLabel: t('cases.decisionComment'), required: false })}>
            {t('cases.approve')}
          </button>
        );
      case 'reject':
        return (
          <button key="reject" type="button" className="secondary-button" disabled={busy} onClick={() => compose({ act: { action: 'reject', request: action.request }, label: t('cases.reject'), commentLabel: t('cases.rejectComment'), required: true })}>
            {t('cases.reject')}
          </button>
        );
      case 'cancel':
        return (
          <button key="cancel" type="button" className="secondary-button" disabled={busy} onClick={() => send({ action: 'cancel', request: action.request })}>
            {t('cases.cancelRequest')}
          </button>
        );
      case 'resolve':
        return null;
    }
  };

  const resolutions = view.actions.filter((action): action is Extract<CaseAction, { action: 'resolve' }> => action.action === 'resolve');
  const others = view.actions.filter((action) => action.action !== 'resolve');
  const refusal = act.error instanceof ApiCallError ? act.error.error.message : act.error ? t('errors.INTERNAL') : null;

  return (
    <div className="case-actions">
      {resolutions.length > 0 ? (
        <div className="case-conflict">
          <p>{t('cases.conflict')}</p>
          <ul>
            {resolutions.map((action) => {
              const first = view.history.find((entry) => entry.event.id === action.keep)?.event;
              return (
                <li key={action.keep}>
                  {first ? <span>{`${eventWhat(first, def, language, t)} — ${eventWho(first, language, t)}`}</span> : null}
                  <button type="button" disabled={busy} onClick={() => send({ action: 'resolve', keep: action.keep })}>
                    {t('cases.keep')}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {others.length > 0 ? (
        <>
          <h3>{t('cases.actions')}</h3>
          {composing ? (
            <form className="case-compose" onSubmit={submit} noValidate>
              <label htmlFor="case-comment">{composing.commentLabel}</label>
              <textarea
                id="case-comment"
                value={comment}
                rows={3}
                maxLength={2000}
                required={composing.required}
                aria-invalid={missingComment || undefined}
                aria-describedby={missingComment ? 'case-comment-error' : undefined}
                onChange={(event) => {
                  setComment(event.target.value);
                  setMissingComment(false);
                }}
              />
              {missingComment ? (
                <p id="case-comment-error" className="error">
                  {t('cases.commentRequired')}
                </p>
              ) : null}
              <div className="actions">
                <button type="submit" disabled={busy}>
                  {composing.label}
                </button>
                <button type="button" className="secondary-button" disabled={busy} onClick={() => setComposing(null)}>
                  {t('cases.back')}
                </button>
              </div>
            </form>
          ) : (
            <div className="actions">{others.map(button)}</div>
          )}
        </>
      ) : null}
      <div role="status" className="case-actions__status">
        {act.isPending ? <p className="hint">{t('status.loading')}</p> : act.isSuccess ? <p className="notice notice--done">{t('cases.recorded')}</p> : null}
      </div>
      <div role="alert">{refusal ? <p className="notice case-refusal">{refusal}</p> : null}</div>
    </div>
  );
}
