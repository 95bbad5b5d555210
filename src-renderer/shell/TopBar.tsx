import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/i18n/languages';
import { useClient } from '../api/ClientContext';
import { sessionQueries } from '../features/access/queries';
import { LanguageSelect } from '../features/language/LanguageSelect';

export function TopBar({ language }: { language: Language }) {
  const { t } = useTranslation();
  const session = useQuery(sessionQueries.status(useClient())).data;
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand__name">{t('app.name')}</span>
        <span className="brand__tagline">{t('app.tagline')}</span>
      </div>
      <div className="top-bar__side">
        {session?.state === 'signedIn' ? <span className="top-bar__user">{t('access.signedInAs', { name: session.user.displayName })}</span> : null}
        <LanguageSelect current={language} />
      </div>
    </header>
  );
}
