import type { Catalogue } from '../../shared/i18n/catalogue';
import type { Language } from '../../shared/i18n/languages';

/** One chunk per language: the window fetches only the catalogue it shows (from disk or 127.0.0.1). */
const loaders: Record<Language, () => Promise<Catalogue>> = {
  ky: () => import('../../shared/i18n/locales/ky').then((module) => module.ky),
  ru: () => import('../../shared/i18n/locales/ru').then((module) => module.ru),
  az: () => import('../../shared/i18n/locales/az').then((module) => module.az),
  kk: () => import('../../shared/i18n/locales/kk').then((module) => module.kk),
  en: () => import('../../shared/i18n/locales/en').then((module) => module.en),
};

export const loadCatalogue = (language: Language): Promise<Catalogue> => loaders[language]();
