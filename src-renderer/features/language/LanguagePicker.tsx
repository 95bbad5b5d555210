import { useTranslation } from 'react-i18next';
import { languages, nativeLanguageNames, type Language } from '../../../shared/i18n/languages';
import { useUpdateSettings } from '../settings/mutations';

/** The five languages as a radio group, each named in itself. */
export function LanguagePicker({ current }: { current: Language }) {
  const { t } = useTranslation();
  const update = useUpdateSettings();
  return (
    <fieldset className="language-picker" disabled={update.isPending}>
      <legend>{t('firstRun.chooseLanguage')}</legend>
      {languages.map((language) => (
        <label key={language} className={language === current ? 'choice choice--selected' : 'choice'} lang={language}>
          <input
            type="radio"
            name="language"
            value={language}
            checked={language === current}
            onChange={() => update.mutate({ language })}
          />
          {nativeLanguageNames[language]}
        </label>
      ))}
      {update.error ? <p role="alert" className="error">{update.error.message}</p> : null}
    </fieldset>
  );
}
