import { localeTags, type Language } from './languages';

/** A calendar date as the operator's language writes it (e.g. ru 24.11.2026, en 24/11/2026). */
export const formatDate = (date: Date, language: Language): string =>
  new Intl.DateTimeFormat(localeTags[language], { dateStyle: 'long' }).format(date);

export const formatShortDate = (date: Date, language: Language): string =>
  new Intl.DateTimeFormat(localeTags[language], { dateStyle: 'short' }).format(date);

export const formatNumber = (value: number, language: Language): string =>
  new Intl.NumberFormat(localeTags[language]).format(value);
