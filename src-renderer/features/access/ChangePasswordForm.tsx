import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordPolicy, passwordProblems, type PasswordProblem } from '../../../shared/profile/passwordPolicy';
import { unwrap } from '../../api/unwrap';
import { ErrorLine } from './ErrorLine';
import { useSessionAction } from './queries';
import './passwordRules.css';

const rules: PasswordProblem[] = ['tooShort', 'tooLong', 'tooSimple', 'containsUsername'];

/** Change of password, forced at the first sign-in with an issued password, or chosen later. */
export function ChangePasswordForm({ username, forced, onDone }: { username: string; forced: boolean; onDone?: () => void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [fresh, setFresh] = useState('');
  const [again, setAgain] = useState('');
  const [tried, setTried] = useState(false);
  const ids = { current: useId(), fresh: useId(), again: useId(), rules: useId(), rulesError: useId(), mismatch: useId(), error: useId(), currentError: useId() };
  const change = useSessionAction((client, input: { currentPassword: string; newPassword: string }) => unwrap(client.call('session.changePassword', input)));
  const problems = passwordProblems(fresh, username);
  // A rule is shown as failing once the operator has tried to submit or typed past the length.
  const judged = tried || [...fresh].length >= passwordPolicy.minLength;
  const ruleText = (rule: PasswordProblem) => t(`passwordRules.${rule}`, { min: passwordPolicy.minLength, max: passwordPolicy.maxLength });
  const failing = judged ? rules.filter((rule) => problems.includes(rule)) : [];
  // The length ceiling is listed only when it is the problem: nobody needs to read it before.
  const failMessage = tried && failing.length > 0 ? t('access.rulesFailed', { rules: failing.map(ruleText).join('; ') }) : null;
  const listed = rules.filter((rule) => rule !== 'tooLong' || problems.includes('tooLong'));
  const mismatch = tried && again !== fresh ? t('access.mismatch') : null;
  const code = change.error?.error.code;
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (problems.length > 0 || again !== fresh || !current) return;
        change.mutate({ currentPassword: current, newPassword: fresh }, { onSuccess: () => onDone?.() });
      }}
    >
      <h1>{t('access.changeTitle')}</h1>
      {forced ? <p className="lead">{t('access.changeForcedLead')}</p> : null}
      <div className="field">
        <label className="field__label" htmlFor={ids.current}>
          {t('access.currentPassword')}
        </label>
        <input id={ids.current} type="password" autoComplete="current-password" autoFocus value={current} aria-invalid={code === 'WRONG_PASSWORD'} onChange={(event) => setCurrent(event.target.value)} />
        <ErrorLine id={ids.currentError} message={code === 'WRONG_PASSWORD' ? t('access.passwordWrong') : null} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.fresh}>
          {t('access.newPassword')}
        </label>
        <input
          id={ids.fresh}
          type="password"
          autoComplete="new-password"
          value={fresh}
          aria-describedby={failMessage ? `${ids.rules} ${ids.rulesError}` : ids.rules}
          aria-invalid={failing.length > 0}
          onChange={(event) => setFresh(event.target.value)}
        />
        <div id={ids.rules} className="rules">
          <p>{t('access.rulesTitle')}</p>
          <ul>
            {listed.map((rule) => {
              const state = failing.includes(rule) ? 'failed' : fresh !== '' && !problems.includes(rule) ? 'met' : 'open';
              return (
                <li key={rule} className={`rule rule--${state}`}>
                  {ruleText(rule)}
                  <span className="visually-hidden">{` — ${state === 'met' ? t('access.ruleMet') : state === 'failed' ? t('access.ruleFailed') : t('access.ruleNotMet')}`}</span>
                </li>
              );
            })}
          </ul>
        </div>
        <ErrorLine id={ids.rulesError} message={failMessage} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.again}>
          {t('access.repeatPassword')}
        </label>
        <input id={ids.again} type="password" autoComplete="new-password" value={again} aria-invalid={Boolean(mismatch)} aria-describedby={mismatch ? ids.mismatch : undefined} onChange={(event) => setAgain(event.target.value)} />
        <ErrorLine id={ids.mismatch} message={mismatch} />
      </div>
      <ErrorLine id={ids.error} message={code && code !== 'WRONG_PASSWORD' ? change.error?.message : null} />
      <button type="submit" disabled={change.isPending}>
        {change.isPending ? t('access.changing') : t('access.change')}
      </button>
    </form>
  );
}
