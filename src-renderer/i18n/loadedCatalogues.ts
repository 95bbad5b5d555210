import type { Catalogue } from '../../shared/i18n/catalogue';
import type { Language } from '../../shared/i18n/languages';

/*
 * The renderer's stand-in for shared/i18n/catalogues.ts (vite.config.ts swaps it in for the
 * renderer's build only; Node, the CLI and the tests keep the five typed catalogues). The window
 * loads the catalogue of the language in force, and another only when the operator switches to
 * it (i18n.ts), so the first screen does not carry all five.
 */

const loaded: Partial<Record<Language, Catalogue>> = {};
let inForce: Language | undefined;

/** Called by i18n.ts once a language's catalogue has arrived. */
export function rememberCatalogue(language: Language, catalogue: Catalogue): void {
  loaded[language] = catalogue;
}

/** Called by i18n.ts when a loaded language becomes the one shown. */
export function catalogueInForce(language: Language): void {
  inForce = language;
}

export const isCatalogueLoaded = (language: Language): boolean => loaded[language] !== undefined;

/**
 * What shared code reads as `catalogues[language]` (dates' month names). A language not loaded
 * yet — only for the moment between the backend naming a new language and its catalogue arriving,
 * after which every text re-renders — reads the one in force rather than failing.
 */
export const catalogues = new Proxy({} as Record<Language, Catalogue>, {
  get: (_target, key) => {
    const wanted = typeof key === 'string' ? loaded[key as Language] : undefined;
    const catalogue = wanted ?? (inForce ? loaded[inForce] : undefined);
    if (!catalogue) throw new Error('No catalogue loaded yet: applyLanguage() runs before the first render.');
    return catalogue;
  },
});
