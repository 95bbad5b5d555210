import { initReactI18next } from 'react-i18next';
import { createI18n } from '../../shared/i18n/translator';
import { defaultLanguage, localeTags, type Language } from '../../shared/i18n/languages';

/** The UI's i18next instance: the five bundled catalogues, switched when the backend says so. */
export const i18n = createI18n(defaultLanguage).use(initReactI18next);
// react-i18next's plugin registers on init; the instance is already initialised, so run its hook.
initReactI18next.init(i18n);

export async function applyLanguage(language: Language): Promise<void> {
  document.documentElement.lang = localeTags[language];
  if (i18n.language !== language) await i18n.changeLanguage(language);
}
