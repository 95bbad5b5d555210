import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languages, localeTags, type Language } from '../../shared/i18n/languages';
import { loadCatalogue } from './loadCatalogue';
import { catalogueInForce, isCatalogueLoaded, rememberCatalogue } from './loadedCatalogues';

/**
 * The UI's i18next instance. Unlike the Node side's (shared/i18n/translator.ts, all five
 * catalogues), it holds only the catalogues loaded so far: the one in force first, another when
 * the operator switches to it. Options as in translator.ts.
 */
export const i18n = i18next.createInstance().use(initReactI18next);
void i18n.init({
  fallbackLng: false,
  supportedLngs: [...languages],
  resources: {},
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

/** The last language asked for: an earlier, slower load must not switch back to its language. */
let wanted: Language | undefined;

/**
 * Shows `language`: loads its catalogue if it is not here yet, then switches every text (and the
 * page's `lang`) at once. main.tsx awaits it before the first render, so no screen shows keys.
 */
export async function applyLanguage(language: Language): Promise<void> {
  wanted = language;
  if (!isCatalogueLoaded(language)) {
    const catalogue = await loadCatalogue(language);
    i18n.addResourceBundle(language, 'translation', catalogue, true, true);
    rememberCatalogue(language, catalogue);
  }
  if (wanted !== language) return;
  catalogueInForce(language);
  document.documentElement.lang = localeTags[language];
  if (i18n.language !== language) await i18n.changeLanguage(language);
}
