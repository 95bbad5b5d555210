import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../../shared/i18n/translator';
import { draftAgeText } from '../../../src-renderer/features/records/draftAge';

const savedAt = new Date(2026, 11, 2, 15, 3);
const after = (minutes: number) => new Date(savedAt.getTime() + minutes * 60_000);

describe("a draft's age, in the operator's language", () => {
  it('counts minutes and hours with Russian plural forms', () => {
    const t = translatorFor('ru');
    expect(draftAgeText(savedAt, after(0.5), t, 'ru')).toBe('сохранён только что');
    expect(draftAgeText(savedAt, after(1), t, 'ru')).toBe('сохранён 1 минуту назад');
    expect(draftAgeText(savedAt, after(3), t, 'ru')).toBe('сохранён 3 минуты назад');
    expect(draftAgeText(savedAt, after(5), t, 'ru')).toBe('сохранён 5 минут назад');
    expect(draftAgeText(savedAt, after(11), t, 'ru')).toBe('сохранён 11 минут назад');
    expect(draftAgeText(savedAt, after(21), t, 'ru')).toBe('сохранён 21 минуту назад');
    expect(draftAgeText(savedAt, after(2 * 60), t, 'ru')).toBe('сохранён 2 часа назад');
    expect(draftAgeText(savedAt, after(5 * 60), t, 'ru')).toBe('сохранён 5 часов назад');
  });

  it('says one and other in English, and the date and time from a day on', () => {
    const t = translatorFor('en');
    expect(draftAgeText(savedAt, after(1), t, 'en')).toBe('saved 1 minute ago');
    expect(draftAgeText(savedAt, after(5), t, 'en')).toBe('saved 5 minutes ago');
    expect(draftAgeText(savedAt, after(60), t, 'en')).toBe('saved 1 hour ago');
    expect(draftAgeText(savedAt, after(26 * 60), t, 'en')).toBe('saved 2 December 2026 at 15:03');
  });

  it('reads in Kyrgyz, Kazakh and Azerbaijani too', () => {
    expect(draftAgeText(savedAt, after(5), translatorFor('ky'), 'ky')).toBe('5 мүнөт мурун сакталды');
    expect(draftAgeText(savedAt, after(1), translatorFor('kk'), 'kk')).toBe('1 минут бұрын сақталды');
    expect(draftAgeText(savedAt, after(3 * 60), translatorFor('az'), 'az')).toBe('3 saat əvvəl saxlanılıb');
  });
});
