/** The five UI languages, in the order the regulations' countries use them. */
export const languages = ['ky', 'ru', 'az', 'kk', 'en'] as const;
export type Language = (typeof languages)[number];

/** Kyrgyz when the system's language is none of the five (the registry's home country). */
export const defaultLanguage: Language = 'ky';

/** BCP 47 tags for Intl formatting (Azerbaijani in Latin script, as the republic writes it). */
export const localeTags: Record<Language, string> = {
  ky: 'ky-KG',
  ru: 'ru-RU',
  az: 'az-Latn-AZ',
  kk: 'kk-KZ',
  en: 'en-GB',
};

/** Each language's own name for itself, shown in language pickers. */
export const nativeLanguageNames: Record<Language, string> = {
  ky: 'Кыргызча',
  ru: 'Русский',
  az: 'Azərbaycanca',
  kk: 'Қазақша',
  en: 'English',
};

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (languages as readonly string[]).includes(value);

/**
 * The first of the system's preferred locales ("ru_RU.UTF-8", "kk-KZ", "az-Latn") that is one
 * of ours, or null.
 */
export function pickLanguage(preferred: readonly string[]): Language | null {
  for (const raw of preferred) {
    const primary = raw.trim().toLowerCase().split(/[-_.@]/)[0];
    if (isLanguage(primary)) return primary;
  }
  return null;
}
