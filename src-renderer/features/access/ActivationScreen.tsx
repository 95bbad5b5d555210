import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FoundProfile } from '../../../shared/api/contract';
import type { AppInfo } from '../../../shared/api/appInfo';
import { formatDate } from '../../../shared/i18n/format';
import { useClient } from '../../api/ClientContext';
import { unwrap } from '../../api/unwrap';
import { LanguagePicker } from '../language/LanguagePicker';
import { FileButton } from '../records/fields/FileButton';
import { ErrorLine } from './ErrorLine';
import { ActivationCodeField, activationCodeErrors as codeErrors, CaFingerprint, maxProfileBytes, readAsBase64, useProfileCa, type ChosenProfile } from './profileFields';
import { sessionQueries, useSessionAction } from './queries';

type Chosen = ChosenProfile | null;

const profileErrors = new Set(['PROFILE_UNREADABLE', 'PROFILE_TAMPERED', 'PROFILE_EXPIRED', 'PROFILE_OTHER_SERVER', 'ALREADY_ACTIVATED', 'PROFILE_UNTRUSTED_CA']);

/** First run: pick the issued profile (found on this computer, or a file) and type the code. */
export function ActivationScreen({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const client = useClient();
  const profiles = useQuery(sessionQueries.profiles(client));
  const [chosen, setChosen] = useState<Chosen>(null);
  const [code, setCode] = useState('');
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [missingProfile, setMissingProfile] = useState(false);
  const ids = { code: useId(), file: useId(), profileError: useId(), codeError: useId(), hint: useId() };
  const activate = useSessionAction((c, input: { chosen: NonNullable<Chosen>; code: string }) =>
    unwrap(c.call('activation.activate', { source: input.chosen, activationCode: input.code })),
  );
  // The chosen profile's CA fingerprint, shown before activating.
  const ca = useProfileCa(chosen);
  const errorCode = activate.error?.error.code;
  const codeError = errorCode && codeErrors.has(errorCode) ? activate.error?.message : null;
  const profileError =
    fileProblem ?? (missingProfile ? t('access.noProfileChosen') : errorCode && profileErrors.has(errorCode) ? activate.error?.message : chosen && ca.error ? ca.error.message : null);
  const otherError = errorCode && !codeErrors.has(errorCode) && !profileErrors.has(errorCode) ? activate.error?.message : null;

  const chooseFound = (profile: FoundProfile) => {
    setChosen({ kind: 'path', path: profile.path });
    setMissingProfile(false);
  };

  return (
    <main className="first-run" aria-labelledby="first-run-title">
      <section className="panel">
        <h1 id="first-run-title">{t('firstRun.title')}</h1>
        <p className="lead">{t('firstRun.intro')}</p>
        <LanguagePicker current={info.language} />
        <p className="hint">{info.languageChosen ? t('firstRun.chooseLanguageHint') : t('firstRun.languageFollowsSystem')}</p>
        <h2 id="activation-title">{t('access.activateTitle')}</h2>
        <p>{t('access.activateLead')}</p>
        <form
          className="stack"
          aria-labelledby="activation-title"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!chosen) {
              setMissingProfile(true);
              return;
            }
            activate.mutate({ chosen, code });
          }}
        >
          <fieldset className="stack" aria-describedby={profileError ? ids.profileError : undefined}>
            <legend>{t('access.foundProfiles')}</legend>
            {profiles.data && profiles.data.length === 0 ? <p className="hint">{t('access.foundNone')}</p> : null}
            {profiles.data?.map((profile) => (
              <label key={profile.path} className="choice">
                <input type="radio" name="found-profile" checked={chosen?.kind === 'path' && chosen.path === profile.path} onChange={() => chooseFound(profile)} />
                <span>
                  <strong>{profile.fileName}</strong> · {t(`access.source_${profile.source}`)} · {formatDate(new Date(profile.modifiedAt), info.language)}
                </span>
              </label>
            ))}
            <label htmlFor={ids.file}>{t('access.orFile')}</label>
            <FileButton
              id={ids.file}
              shown={chosen?.kind === 'file' ? t('access.fileChosen', { name: chosen.name }) : null}
              accept=".balaprofile"
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
            {chosen && ca.data ? <CaFingerprint ca={ca.data} hintKey="access.caFingerprintHint" /> : null}
          </fieldset>
          <ActivationCodeField id={ids.code} hintId={ids.hint} errorId={ids.codeError} value={code} error={codeError} onChange={setCode} />
          <ErrorLine id={`${ids.code}-other`} message={otherError} />
          <button type="submit" disabled={activate.isPending || code.trim() === ''}>
            {activate.isPending ? t('access.activating') : t('access.activate')}
          </button>
        </form>
      </section>
      <section className="panel panel--next">
        <h2>{t('firstRun.nextStepTitle')}</h2>
        <p>{t('firstRun.nextStepText')}</p>
      </section>
      <section className="panel panel--info">
        <h2>{t('info.title')}</h2>
        <dl>
          <dt>{t('info.version')}</dt>
          <dd>{info.version}</dd>
          <dt>{t('info.mode')}</dt>
          <dd>{t(`mode.${info.mode}`)}</dd>
          <dt>{t('info.dataFolder')}</dt>
          <dd className="path">{info.dataDir}</dd>
          <dt>{t('info.today')}</dt>
          <dd>{formatDate(new Date(), info.language)}</dd>
        </dl>
      </section>
    </main>
  );
}
