import { catalogues } from './catalogues';
import { localeTags, type Language } from './languages';

/*
 * Dates are written from the catalogues, not Intl: Chromium ships no Kyrgyz or Kazakh date
 * data, and a printed date must read the same in the window, the CLI and on paper.
 */

const pad = (value: number) => String(value).padStart(2, '0');

/** "25 ноября 2026 г.", "2026-жылдын 25-ноябрь", "25 November 2026" (the date's own calendar day). */
export function formatDate(date: Date, language: Language): string {
  const { monthsGenitive, longDate } = catalogues[language].calendar;
  const month = monthsGenitive.split(',')[date.getMonth()] ?? '';
  return longDate.replace('{{day}}', String(date.getDate())).replace('{{month}}', month).replace('{{year}}', String(date.getFullYear()));
}

/** 25.11.2026 (25/11/2026 in English), as forms and registers write dates. */
export function formatShortDate(date: Date, language: Language): string {
  const separator = language === 'en' ? '/' : '.';
  return [pad(date.getDate()), pad(date.getMonth() + 1), String(date.getFullYear())].join(separator);
}

/** Where a runtime lacks a locale's number data, a locale that groups digits the same way. */
const numberFallback: Record<Language, string> = { ky: 'ru-RU', kk: 'ru-RU', az: 'tr-TR', ru: 'ru-RU', en: 'en-GB' };

export function formatNumber(value: number, language: Language): string {
  const tag = localeTags[language];
  const locale = Intl.NumberFormat.supportedLocalesOf([tag]).length > 0 ? tag : numberFallback[language];
  return new Intl.NumberFormat(locale).format(value);
}

/**
 * Time of day as HH:MM, 24-hour, the way all five languages write it on documents (not `Intl`:
 * Chromium has no Kyrgyz or Kazakh data and would fall back to "4:01 AM").
 */
export function formatTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
