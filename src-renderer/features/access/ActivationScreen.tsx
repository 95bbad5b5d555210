import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FoundProfile } from '../../../shared/api/contract';
import type { AppInfo } from '../../../shared/api/appInfo';
import { formatDate } from '../../../shared/i18n/format';
import { useClient } from '../../api/ClientContext';
import { unwrap } from '../../api/unwrap';
import { LanguagePicker } from '../language/LanguagePicker';
import { ErrorLine } from './ErrorLine';
import { sessionQueries, useSessionAction } from './queries';

type Chosen = { kind: 'path'; path: string } | { kind: 'file'; name: string; contentBase64: string } | null;

const maxProfileBytes = 300_000;
const codeErrors = new Set(['ACTIVATION_CODE_WRONG', 'ACTIVATION_CODE_FORMAT']);
const profileErrors = new Set(['PROFILE_UNREADABLE', 'PROFILE_TAMPERED', 'PROFILE_EXPIRED', 'PROFILE_OTHER_SERVER', 'ALREADY_ACTIVATED', 'PROFILE_UNTRUSTED_CA']);

async function readAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

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
  // The chosen profile's CA fingerprint, shown before activating, for the operator to compare with the administrator's word.
  const ca = useQuery({
    queryKey: ['activation', 'inspect', chosen?.kind === 'path' ? chosen.path : chosen?.kind === 'file' ? `${chosen.name}:${chosen.contentBase64.length}:${chosen.contentBase64.slice(-64)}` : null],
    queryFn: () => (chosen ? unwrap(client.call('activation.inspect', { source: chosen })) : null),
    enabled: chosen !== null,
    retry: false,
    staleTime: Infinity,
  });
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
            <input
              id={ids.file}
              type="file"
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
            {chosen?.kind === 'file' ? <p className="hint">{t('access.fileChosen', { name: chosen.name })}</p> : null}
            <ErrorLine id={ids.profileError} message={profileError} />
            {chosen && ca.data ? (
              <div className="field" role="group" aria-label={t('access.caFingerprint')}>
                <p className="field__label">{t('access.caFingerprint')}</p>
                <p className="code-input ca-fingerprint" data-testid="ca-fingerprint">
                  <strong>{ca.data.caFingerprint}</strong>
                </p>
                <p className="hint">{t(ca.data.pinned ? 'access.caPinned' : 'access.caFingerprintHint')}</p>
              </div>
            ) : null}
          </fieldset>
          <div className="field">
            <label className="field__label" htmlFor={ids.code}>
              {t('access.codeLabel')}
            </label>
            <input
              id={ids.code}
              className="code-input"
              type="text"
              autoComplete="off"
              spellCheck={false}
              maxLength={40}
              value={code}
              aria-invalid={Boolean(codeError)}
              aria-describedby={[ids.hint, codeError ? ids.codeError : ''].filter(Boolean).join(' ')}
              onChange={(event) => setCode(event.target.value.toUpperCase())}
            />
            <p className="field__hint" id={ids.hint}>
              {t('access.codeHint')}
            </p>
            <ErrorLine id={ids.codeError} message={codeError} />
          </div>
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
