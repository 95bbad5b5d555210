import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flatten } from '../../support/flatCatalogue';
import { errorCodes } from '../../../shared/api/errorCodes';
import { catalogues } from '../../../shared/i18n/catalogues';
import { languages } from '../../../shared/i18n/languages';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const flat = Object.fromEntries(languages.map((lng) => [lng, flatten(catalogues[lng])]));
const english = flat.en ?? new Map<string, string>();

/*
 * Counted sentences are i18next plural keys: "base_one", "base_other" in English, and in each
 * language exactly the forms its plural rules use (Russian: one, few, many, other).
 */
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const pluralBase = (key: string) => (pluralSuffix.test(key) && english.has(key.replace(pluralSuffix, '_other')) ? key.replace(pluralSuffix, '') : null);
const pluralForms = (lng: string) => new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
/** English's keys as a language must have them: each plural group with that language's forms. */
const expectedKeys = (lng: string) =>
  [...english.keys()].flatMap((key) => {
    const base = pluralBase(key);
    if (!base) return [key];
    return key.endsWith('_other') ? pluralForms(lng).map((form) => `${base}_${form}`) : [];
  });
/** The English text a key's placeholders are compared with (a plural form: English's "other"). */
const englishFor = (key: string) => english.get(key) ?? english.get(key.replace(pluralSuffix, '_other')) ?? '';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !full.includes(`${path.sep}locales${path.sep}`) ? [full] : [];
  });
}

describe('translation catalogues', () => {
  it.each(languages)('%s has every key (plural sets in its own CLDR categories), none empty, and the same placeholders as English', (lng) => {
    const catalogue = flat[lng] ?? new Map<string, string>();
    expect([...catalogue.keys()].sort()).toEqual(expectedKeys(lng).sort());
    for (const [key, text] of catalogue) {
      expect(text.trim(), `${lng}:${key}`).not.toBe('');
      expect(placeholders(text), `${lng}:${key}`).toEqual(placeholders(englishFor(key)));
    }
  });

  it.each(languages.filter((lng) => lng !== 'en'))('%s is really translated (not left in English)', (lng) => {
    const catalogue = flat[lng] ?? new Map<string, string>();
    // Short technical strings (the product name, "Bala …") may coincide; sentences may not.
    const words = (text: string) => text.replace(/\{\{\w+\}\}/g, '').match(/\p{L}+/gu) ?? [];
    const copied = [...catalogue].filter(([key, text]) => text === englishFor(key) && words(text).length > 2);
    expect(copied).toEqual([]);
  });

  it('has a message for every API error code', () => {
    for (const code of errorCodes) expect(english.has(`errors.${code}`), code).toBe(true);
  });

  it('has every key the code asks for with a literal t("…") or i18nKey', () => {
    const files = ['shared', 'src-main', 'src-renderer', 'src-server'].flatMap((dir) =>
      fs.existsSync(path.join(repoRoot, dir)) ? sourceFiles(path.join(repoRoot, dir)) : [],
    );
    const missing: string[] = [];
    let found = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w]*(?:\.[\w]+)+)'/g)) {
        found += 1;
        // t('records.draftSavedMinutes', { count }) asks for a plural group: its "_other" form.
        if (!english.has(match[1] ?? '') && !english.has(`${match[1] ?? ''}_other`)) missing.push(`${path.relative(repoRoot, file)}: ${match[1]}`);
      }
    }
    expect(found).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it('has a key for every key prefix the code builds dynamically', () => {
    for (const mode of ['electron', 'browser', 'cli', 'test']) expect(english.has(`mode.${mode}`)).toBe(true);
    for (const reason of ['electronNotInstalled', 'electronDownloadFailed', 'electronFailedBefore']) {
      expect(english.has(`start.${reason}`)).toBe(true);
    }
  });
});
