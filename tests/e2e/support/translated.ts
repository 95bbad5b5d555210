import type { Language } from '../../../shared/i18n/languages';
import { translatorFor } from '../../../shared/i18n/translator';

/** A text as the window shows it: the catalogue entry through i18next (plural forms, nesting). */
export const translated = (language: Language, key: string, params: Record<string, unknown> = {}): string => translatorFor(language)(key, params);
