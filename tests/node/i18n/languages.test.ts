import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatShortDate } from '../../../shared/i18n/format';
import { pickLanguage } from '../../../shared/i18n/languages';
import { translatorFor } from '../../../shared/i18n/translator';
import { systemLocales } from '../../../src-main/paths/systemLocales';

describe('language choice', () => {
  it('reads POSIX, BCP 47 and script-qualified locale names', () => {
    expect(pickLanguage(['ru_RU.UTF-8'])).toBe('ru');
    expect(pickLanguage(['az-Latn-AZ'])).toBe('az');
    expect(pickLanguage(['de-DE', 'kk-KZ'])).toBe('kk');
    expect(pickLanguage(['ky_KG@euro'])).toBe('ky');
    expect(pickLanguage(['de-DE', 'fr'])).toBeNull();
    expect(pickLanguage([])).toBeNull();
  });

  it('follows LC_ALL over LANG, and ignores the C locale', () => {
    expect(systemLocales({ LC_ALL: 'kk_KZ.UTF-8', LANG: 'ru_RU.UTF-8' })[0]).toBe('kk_KZ.UTF-8');
    expect(systemLocales({ LANG: 'C', LANGUAGE: 'az:ru' }).slice(0, 2)).toEqual(['az', 'ru']);
    // C.UTF-8 (containers, service units) names no language either: it never hides LANGUAGE or the next variable.
    expect(systemLocales({ LC_ALL: 'C.UTF-8', LANG: 'ru_RU.UTF-8' })[0]).toBe('ru_RU.UTF-8');
    expect(systemLocales({ LANG: 'C.UTF-8', LANGUAGE: 'kk' })[0]).toBe('kk');
    expect(systemLocales({ LANG: 'POSIX.utf8' })).not.toContain('POSIX.utf8');
  });
});

describe('locale formatting', () => {
  const day = new Date(Date.UTC(2026, 10, 24, 12));
  it('writes dates the way each language does', () => {
    expect(formatShortDate(day, 'ru')).toBe('24.11.2026');
    expect(formatShortDate(day, 'en')).toBe('24/11/2026');
    expect(formatDate(day, 'ru')).toMatch(/24 ноября 2026/);
    expect(formatDate(day, 'ky')).toBe('2026-жылдын 24-ноябрь');
    expect(formatDate(day, 'kk')).toBe('2026 жылғы 24 қараша');
    expect(formatDate(day, 'az')).toBe('24 noyabr 2026');
    expect(formatDate(day, 'en')).toBe('24 November 2026');
    expect(new Set(['ky', 'ru', 'az', 'kk', 'en'].map((l) => formatDate(day, l as 'ru'))).size).toBe(5);
  });

  it('groups digits per locale', () => {
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
    expect(formatNumber(1234567.5, 'ru').replace(/\s/g, ' ')).toBe('1 234 567,5');
    expect(formatNumber(1234567.5, 'ky').replace(/\s/g, ' ')).toBe('1 234 567,5');
    expect(formatNumber(1234567.5, 'az')).toBe('1.234.567,5');
  });

  it('translates with interpolation', () => {
    expect(translatorFor('ky')('language.saved', { language: 'Русский' })).toBe('Тил сакталды: Русский');
    expect(translatorFor('az')('errors.UNKNOWN_OPERATION', { name: 'x.y' })).toBe('Naməlum əməliyyat «x.y».');
  });
});
