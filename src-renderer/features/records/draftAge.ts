import type { TFunction } from 'i18next';
import { formatDate, formatTime } from '../../../shared/i18n/format';
import type { Language } from '../../../shared/i18n/languages';

const minute = 60_000;
const hour = 60 * minute;

/**
 * How long ago a draft was kept, as an operator says it: "saved just now", "saved 5 minutes
 * ago", "saved 3 hours ago", and from a day on the date and time ("saved 2 December 2026 at 15:03").
 * Counts go through the catalogue's plural forms (Russian: минуту, минуты, минут).
 */
export function draftAgeText(savedAt: Date, now: Date, t: TFunction, language: Language): string {
  const elapsed = now.getTime() - savedAt.getTime();
  // A clock set back a little still reads "just now", not "in the future".
  if (elapsed < minute) return t('records.draftSavedJustNow');
  if (elapsed < hour) return t('records.draftSavedMinutes', { count: Math.floor(elapsed / minute) });
  if (elapsed < 24 * hour) return t('records.draftSavedHours', { count: Math.floor(elapsed / hour) });
  return t('records.draftSavedOn', { date: formatDate(savedAt, language), time: formatTime(savedAt) });
}
