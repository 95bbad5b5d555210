import i18next, { type i18n, type TFunction } from 'i18next';
import { catalogues } from './catalogues';
import { languages, type Language } from './languages';

/**
 * A ready i18next instance holding all five catalogues (they are bundled, so init is
 * synchronous). The renderer wraps the same instance with react-i18next.
 */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: false,
    supportedLngs: [...languages],
    resources: Object.fromEntries(
      languages.map((lng) => [lng, { translation: catalogues[lng] }]),
    ),
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

/** A translation function fixed to one language (the CLI, the backend's error messages). */
export function translatorFor(language: Language): TFunction {
  return createI18n(language).getFixedT(language);
}
