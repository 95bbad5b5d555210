import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, languages, nativeLanguageNames, type Language } from '../../../shared/i18n/languages';
import { useUpdateSettings } from '../settings/mutations';

/** The compact language switch of the top bar. */
export function LanguageSelect({ current }: { current: Language }) {
  const { t } = useTranslation();
  const update = useUpdateSettings();
  const id = useId();
  return (
    <div className="language-select">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={current}
        disabled={update.isPending}
        onChange={(event) => {
          if (isLanguage(event.target.value)) update.mutate({ language: event.target.value });
        }}
      >
        {languages.map((language: Language) => (
          <option key={language} value={language} lang={language}>
            {nativeLanguageNames[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
