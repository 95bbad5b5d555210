import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordPolicy, passwordProblems, type PasswordProblem } from '../../../shared/profile/passwordPolicy';
import { unwrap } from '../../api/unwrap';
import { ErrorLine } from './ErrorLine';
import { useSessionAction } from './queries';

const rules: PasswordProblem[] = ['tooShort', 'tooSimple', 'containsUsername'];

/** Change of password, forced at the first sign-in with an issued password, or chosen later. */
export function ChangePasswordForm({ username, forced, onDone }: { username: string; forced: boolean; onDone?: () => void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [fresh, setFresh] = useState('');
  const [again, setAgain] = useState('');
  const [tried, setTried] = useState(false);
  const ids = { current: useId(), fresh: useId(), again: useId(), rules: useId(), mismatch: useId(), error: useId(), currentError: useId() };
  const change = useSessionAction((client, input: { currentPassword: string; newPassword: string }) => unwrap(client.call('session.changePassword', input)));
  const problems = passwordProblems(fresh, username);
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
        <ErrorLine id={ids.currentError} message={code === 'WRONG_PASSWORD' ? change.error?.message : null} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.fresh}>
          {t('access.newPassword')}
        </label>
        <input id={ids.fresh} type="password" autoComplete="new-password" value={fresh} aria-describedby={ids.rules} aria-invalid={tried && problems.length > 0} onChange={(event) => setFresh(event.target.value)} />
        <div id={ids.rules} className="rules">
          <p>{t('access.rulesTitle')}</p>
          <ul>
            {rules.map((rule) => {
              const met = fresh !== '' && !problems.includes(rule);
              return (
                <li key={rule} className={met ? 'rule rule--met' : 'rule'}>
                  {t(`passwordRules.${rule}`, { min: passwordPolicy.minLength, max: passwordPolicy.maxLength })}
                  <span className="visually-hidden">{` — ${met ? t('access.ruleMet') : t('access.ruleNotMet')}`}</span>
                </li>
              );
            })}
          </ul>
        </div>
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
