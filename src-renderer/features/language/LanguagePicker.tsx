import { useTranslation } from 'react-i18next';
import { languages, nativeLanguageNames, type Language } from '../../../shared/i18n/languages';
import { useLanguageChoice } from './useLanguageChoice';

/** The five languages as a radio group, each named in itself. */
export function LanguagePicker({ current }: { current: Language }) {
  const { t } = useTranslation();
  const { shown, choose, error } = useLanguageChoice(current);
  return (
    <fieldset className="language-picker">
      <legend>{t('firstRun.chooseLanguage')}</legend>
      {languages.map((language) => (
        <label key={language} className={language === shown ? 'choice choice--selected' : 'choice'} lang={language}>
          <input type="radio" name="language" value={language} checked={language === shown} onChange={() => choose(language)} />
          {nativeLanguageNames[language]}
        </label>
      ))}
      {error ? <p role="alert" className="error">{error.message}</p> : null}
    </fieldset>
  );
}
