import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, languages, nativeLanguageNames, type Language } from '../../../shared/i18n/languages';
import { useLanguageChoice } from './useLanguageChoice';
import './languageSelect.css';

/** The compact language switch of the top bar. */
export function LanguageSelect({ current }: { current: Language }) {
  const { t } = useTranslation();
  const { shown, choose } = useLanguageChoice(current);
  const id = useId();
  return (
    <div className="language-select">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={shown}
        onChange={(event) => {
          if (isLanguage(event.target.value)) choose(event.target.value);
        }}
      >
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {nativeLanguageNames[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
