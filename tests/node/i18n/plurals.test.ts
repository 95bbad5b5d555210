import { describe, expect, it } from 'vitest';
import { flatten } from '../../support/flatCatalogue';
import { catalogues } from '../../../shared/i18n/catalogues';
import { languages, type Language } from '../../../shared/i18n/languages';
import { translatorFor } from '../../../shared/i18n/translator';

const flat = Object.fromEntries(languages.map((lng) => [lng, flatten(catalogues[lng])])) as Record<Language, Map<string, string>>;
const counts = [1, 2, 5, 21, 0, 11, 112];
/** Every plural set, by its base key ("sync.pending" for sync.pending_one / sync.pending_other). */
const pluralKeys = [...flat.en.keys()].filter((key) => key.endsWith('_other')).map((key) => key.slice(0, -'_other'.length));
/** Texts where the number stands alone, after a colon or in brackets, with no word to agree with it: one form fits every count. */
const notYetPlural = new Set(['records.fixErrors', 'form.listFound']);

describe('plural forms follow CLDR (Intl.PluralRules) in all five languages', () => {
  it('Russian has one, few, many and other; Kyrgyz, Kazakh, Azerbaijani and English one and other', () => {
    const categories = (lng: Language) => [...new Intl.PluralRules(lng).resolvedOptions().pluralCategories].sort();
    expect(categories('ru')).toEqual(['few', 'many', 'one', 'other']);
    for (const lng of ['ky', 'kk', 'az', 'en'] as const) expect(categories(lng), lng).toEqual(['one', 'other']);
  });

  it('every {{count}} text is a plural set', () => {
    expect(pluralKeys.length).toBeGreaterThan(10);
    for (const lng of languages) {
      for (const [key, text] of flat[lng]) {
        if (!text.includes('{{count}}') || notYetPlural.has(key)) continue;
        expect(key, `${lng}:${key} has {{count}} but no plural forms`).toMatch(/_(one|few|many|other)$/);
      }
    }
  });

  it.each(languages)('%s: the translator (renderer and backend alike) picks the form Intl.PluralRules names, for 1, 2, 5, 21…', (lng) => {
    const t = translatorFor(lng);
    const rules = new Intl.PluralRules(lng);
    for (const base of pluralKeys) {
      for (const count of counts) {
        const form = flat[lng].get(`${base}_${rules.select(count)}`);
        expect(form, `${lng}:${base}_${rules.select(count)}`).toBeDefined();
        expect(t(base, { count }), `${lng}:${base} ${count}`).toBe(t(`${base}_${rules.select(count)}`, { count }));
        expect(t(base, { count }), `${lng}:${base} ${count}`).toContain(String(count));
      }
    }
  });

  it('English says "1 change" and "2 changes"; Russian 1 изменение, 2 изменения, 5 изменений, 21 изменение', () => {
    const en = translatorFor('en');
    expect(en('counts.changes', { count: 1 })).toBe('1 change');
    expect(en('counts.changes', { count: 2 })).toBe('2 changes');
    expect(en('sync.pending', { count: 1 })).toBe('1 change waiting to be sent');
    expect(en('sync.pending', { count: 21 })).toBe('21 changes waiting to be sent');
    const ru = translatorFor('ru');
    expect([1, 2, 5, 21].map((count) => ru('counts.changes', { count }))).toEqual(['1 изменение', '2 изменения', '5 изменений', '21 изменение']);
    expect([1, 2, 5, 21].map((count) => ru('sync.pending', { count }))).toEqual([
      '1 изменение ожидает отправки',
      '2 изменения ожидают отправки',
      '5 изменений ожидают отправки',
      '21 изменение ожидает отправки',
    ]);
    expect([1, 3, 11, 22].map((count) => ru('reports.found', { count }))).toEqual(['Найден 1 ребёнок', 'Найдено 3 ребёнка', 'Найдено 11 детей', 'Найдено 22 ребёнка']);
  });

  it('sentences that count several things nest the counted noun in its right form', () => {
    const en = translatorFor('en');
    expect(en('handover.exported', { sequence: 4, file: 'F', changes: 1 })).toContain('(1 change)');
    expect(en('handover.awaitingItem', { sequence: 4, file: 'F', changes: 2, date: 'D' })).toBe('Package 4: 2 changes, written D to F');
    expect(en('print.ready', { cards: 1, pages: 2 })).toBe('The paper copy is ready: 1 card, 2 pages.');
    expect(en('server.cli.auditIntact', { entries: 1 })).toBe('The audit log is intact (1 entry).');
    const ru = translatorFor('ru');
    expect(ru('print.ready', { cards: 21, pages: 5 })).toBe('Бумажная копия готова: 21 карточка, 5 страниц.');
    expect(ru('handover.exported', { sequence: 4, file: 'F', changes: 3 })).toContain('(3 изменения)');
    // No nesting is left unresolved, in any language, for any count.
    for (const lng of languages) {
      const t = translatorFor(lng);
      for (const [key, text] of flat[lng]) {
        if (!text.includes('$t(')) continue;
        const names = [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '');
        for (const count of counts) {
          const out = t(key, Object.fromEntries(names.map((name) => [name, count])));
          expect(out, `${lng}:${key}`).not.toContain('$t(');
          expect(out, `${lng}:${key}`).not.toContain('{{');
        }
      }
    }
  });
});
