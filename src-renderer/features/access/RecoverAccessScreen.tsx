import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileButton } from '../records/fields/FileButton';
import { ErrorLine } from './ErrorLine';
import { ActivationCodeField, activationCodeErrors as codeErrors, CaFingerprint, maxProfileBytes, readAsBase64, useProfileCa, type ChosenProfile } from './profileFields';
import { useRecoverAccess } from './queries';

type ChosenFile = Extract<ChosenProfile, { kind: 'file' }> | null;

const profileErrors = new Set(['NOT_FOUND', 'PROFILE_UNREADABLE', 'PROFILE_TAMPERED', 'PROFILE_EXPIRED', 'PROFILE_OTHER_SERVER', 'PROFILE_UNTRUSTED_CA']);
const passwordErrors = new Set(['WRONG_PASSWORD', 'ACCOUNT_DISABLED']);

/**
 * An operator whose access on this workstation was removed, and who has no colleague to bring it
 * online, gets it back with the workstation's profile, its code and their current password.
 */
export function RecoverAccessScreen(props: { workstationName: string; agencyName: string; username: string; onBack: () => void; onRecovered: () => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<ChosenFile>(null);
  const [code, setCode] = useState('');
  const [username, setUsername] = useState(props.username);
  const [password, setPassword] = useState('');
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [missingProfile, setMissingProfile] = useState(false);
  // Two quick clicks reach onSubmit before the disabled button renders: the second is dropped here.
  const submitting = useRef(false);
  const ids = { title: useId(), file: useId(), profileError: useId(), code: useId(), codeHint: useId(), codeError: useId(), user: useId(), password: useId(), passwordHint: useId(), passwordError: useId(), error: useId() };
  const recover = useRecoverAccess();
  // The chosen profile's CA fingerprint, for the operator to compare with the administrator's word.
  const ca = useProfileCa(chosen);
  const errorCode = recover.error?.error.code;
  const codeError = errorCode && codeErrors.has(errorCode) ? recover.error?.message : null;
  const passwordError = errorCode && passwordErrors.has(errorCode) ? recover.error?.message : null;
  const profileError =
    fileProblem ?? (missingProfile ? t('access.noProfileChosen') : errorCode && profileErrors.has(errorCode) ? recover.error?.message : chosen && ca.error ? ca.error.message : null);
  const otherError = errorCode && !codeErrors.has(errorCode) && !profileErrors.has(errorCode) && !passwordErrors.has(errorCode) ? recover.error?.message : null;
  const ready = code.trim() !== '' && username.trim() !== '' && password !== '';

  return (
    <main className="centered" aria-labelledby={ids.title}>
      <section className="panel sign-in">
        <h1 id={ids.title}>{t('access.recoverTitle')}</h1>
        <dl className="facts">
          <dt>{t('access.workstationName')}</dt>
          <dd>{props.workstationName}</dd>
          <dt>{t('access.agencyName')}</dt>
          <dd>{props.agencyName}</dd>
        </dl>
        <p className="lead">{t('access.recoverLead')}</p>
        <form
          className="stack"
          aria-labelledby={ids.title}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!chosen) {
              setMissingProfile(true);
              return;
            }
            if (!ready || submitting.current) return;
            submitting.current = true;
            recover.mutate(
              { source: chosen, activationCode: code, username, password },
              {
                onSuccess: (status) => {
                  if (status.state === 'signedOut') props.onRecovered();
                },
                onError: () => setPassword(''),
                onSettled: () => {
                  submitting.current = false;
                },
              },
            );
          }}
        >
          <div className="field">
            <label className="field__label" htmlFor={ids.file}>
              {t('access.fileLabel')}
            </label>
            <FileButton
              id={ids.file}
              shown={chosen?.kind === 'file' ? t('access.fileChosen', { name: chosen.name }) : null}
              accept=".balaprofile"
              aria-invalid={Boolean(profileError)}
              aria-describedby={profileError ? ids.profileError : undefined}
              onChange={(event) => {
                const file = event.target.files?.[0];
                setMissingProfile(false);
                if (!file) return;
                if (file.size > maxProfileBytes) {
                  setFileProblem(t('access.fileTooLarge'));
                  setChosen(null);
                  return;
                }
                setFileProblem(null);
                void readAsBase64(file).then((contentBase64) => setChosen({ kind: 'file', name: file.name, contentBase64 }));
              }}
            />
            <ErrorLine id={ids.profileError} message={profileError} />
          </div>
          {chosen && ca.data ? <CaFingerprint ca={ca.data} hintKey="access.recoverCaHint" /> : null}
          <ActivationCodeField id={ids.code} hintId={ids.codeHint} errorId={ids.codeError} value={code} error={codeError} onChange={setCode} />
          <div className="field">
            <label className="field__label" htmlFor={ids.user}>
              {t('access.username')}
            </label>
            <input id={ids.user} type="text" autoComplete="username" value={username} onChange={(event) => setUsername(event.target.value)} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={ids.password}>
              {t('access.password')}
            </label>
            <input
              id={ids.password}
              type="password"
              autoComplete="current-password"
              value={password}
              aria-invalid={Boolean(passwordError)}
              aria-describedby={[ids.passwordHint, passwordError ? ids.passwordError : ''].filter(Boolean).join(' ')}
              onChange={(event) => setPassword(event.target.value)}
            />
            <p className="field__hint" id={ids.passwordHint}>
              {t('access.recoverPasswordHint')}
            </p>
            <ErrorLine id={ids.passwordError} message={passwordError} />
          </div>
          <ErrorLine id={ids.error} message={otherError} />
          <button type="submit" disabled={recover.isPending || !ready}>
            {recover.isPending ? t('access.recovering') : t('access.recoverSubmit')}
          </button>
          <button type="button" className="secondary-button" disabled={recover.isPending} onClick={props.onBack}>
            {t('access.back')}
          </button>
        </form>
      </section>
    </main>
  );
}
