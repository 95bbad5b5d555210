import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/i18n/languages';
import { LanguageSelect } from '../features/language/LanguageSelect';

export function TopBar({ language }: { language: Language }) {
  const { t } = useTranslation();
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand__name">{t('app.name')}</span>
        <span className="brand__tagline">{t('app.tagline')}</span>
      </div>
      <LanguageSelect current={language} />
    </header>
  );
}
