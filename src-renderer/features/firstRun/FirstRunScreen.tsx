import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/api/appInfo';
import { formatDate } from '../../../shared/i18n/format';
import { LanguagePicker } from '../language/LanguagePicker';

/** What an operator sees on a workstation that has not been activated yet. */
export function FirstRunScreen({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  return (
    <main className="first-run" aria-labelledby="first-run-title">
      <section className="panel">
        <h1 id="first-run-title">{t('firstRun.title')}</h1>
        <p className="lead">{t('firstRun.intro')}</p>
        <LanguagePicker current={info.language} />
        <p className="hint">
          {info.languageChosen ? t('firstRun.chooseLanguageHint') : t('firstRun.languageFollowsSystem')}
        </p>
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
