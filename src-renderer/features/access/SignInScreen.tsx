import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/unwrap';
import { ErrorLine } from './ErrorLine';
import { useSessionAction } from './queries';
import { RecoverAccessScreen } from './RecoverAccessScreen';

/** Operator sign-in: works offline against the profile's verifiers, online also against the server. */
export function SignInScreen(props: { workstationName: string; agencyName: string; lockedUsername?: string; onOtherOperator?: () => void }) {
  const { t } = useTranslation();
  const locked = props.lockedUsername !== undefined;
  const [username, setUsername] = useState(props.lockedUsername ?? '');
  const [password, setPassword] = useState('');
  const [recovering, setRecovering] = useState(false);
  const [recovered, setRecovered] = useState(false);
  const ids = { user: useId(), password: useId(), passwordError: useId(), error: useId(), recovered: useId() };
  const signIn = useSessionAction((client, input: { username: string; password: string }) => unwrap(client.call('session.signIn', input)));
  const code = signIn.error?.error.code;
  // Locked, the name is fixed: the message speaks of the password only, not of a name it did not ask for.
  const passwordError = code === 'WRONG_PASSWORD' ? (locked ? t('access.passwordWrong') : signIn.error?.message) : null;
  const otherError = code && code !== 'WRONG_PASSWORD' ? signIn.error?.message : null;
  if (recovering) {
    return (
      <RecoverAccessScreen
        workstationName={props.workstationName}
        agencyName={props.agencyName}
        username={username}
        onBack={() => setRecovering(false)}
        onRecovered={() => {
          signIn.reset();
          setRecovered(true);
          setRecovering(false);
        }}
      />
    );
  }
  return (
    <main className="centered" aria-labelledby={ids.user + '-title'}>
      <section className="panel sign-in">
        <h1 id={ids.user + '-title'}>{locked ? t('access.lockedTitle') : t('access.signInTitle')}</h1>
        <dl className="facts">
          <dt>{t('access.workstationName')}</dt>
          <dd>{props.workstationName}</dd>
          <dt>{t('access.agencyName')}</dt>
          <dd>{props.agencyName}</dd>
        </dl>
        {locked ? <p className="lead">{t('access.lockedLead', { name: props.lockedUsername })}</p> : null}
        {recovered ? (
          <p className="lead" id={ids.recovered} role="status">
            {t('access.recovered')}
          </p>
        ) : null}
        <form
          className="stack"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (username.trim() && password) signIn.mutate({ username, password }, { onError: () => setPassword('') });
          }}
        >
          {locked ? null : (
            <div className="field">
              <label className="field__label" htmlFor={ids.user}>
                {t('access.username')}
              </label>
              <input id={ids.user} type="text" autoComplete="username" autoFocus value={username} onChange={(event) => setUsername(event.target.value)} />
            </div>
          )}
          <div className="field">
            <label className="field__label" htmlFor={ids.password}>
              {t('access.password')}
            </label>
            <input
              id={ids.password}
              type="password"
              autoComplete="current-password"
              autoFocus={locked}
              value={password}
              aria-invalid={Boolean(passwordError)}
              aria-describedby={passwordError ? ids.passwordError : undefined}
              onChange={(event) => setPassword(event.target.value)}
            />
            <ErrorLine id={ids.passwordError} message={passwordError} />
          </div>
          <ErrorLine id={ids.error} message={otherError} />
          <button type="submit" disabled={signIn.isPending || !username.trim() || !password}>
            {signIn.isPending ? t('access.signingIn') : locked ? t('access.unlock') : t('access.signIn')}
          </button>
          {code === 'ACCESS_REMOVED' && !locked ? (
            <button type="button" className="secondary-button" onClick={() => setRecovering(true)}>
              {t('access.recoverOffer')}
            </button>
          ) : null}
          {locked && props.onOtherOperator ? (
            <button type="button" className="secondary-button" onClick={props.onOtherOperator}>
              {t('access.otherOperator')}
            </button>
          ) : null}
        </form>
      </section>
    </main>
  );
}
