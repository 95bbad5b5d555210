import type { Language } from '../i18n/languages';

/** A name in each of the five interface languages. */
export type LocalisedName = Record<Language, string>;

/** One entry of a classifier (reference list): a stable code and its names. */
export interface ClassifierEntry {
  /** Stable code; records store this, never the name. */
  code: string;
  names: LocalisedName;
  /** The code of the enclosing entry in a hierarchy (a district's region). */
  parent?: string;
  /** A sub-kind within the list (region, city of republican significance, district…). */
  kind?: string;
  /** Entries are never deleted (old records keep their meaning); retired ones say since when. */
  retiredOn?: string;
}

/**
 * Reference data of a registry pack: a versioned, coded list. A new version may add entries
 * or retire them, never reuse a code for something else.
 */
export interface Classifier {
  id: string;
  version: string;
  /** Where the list comes from: a regulation clause, a national classifier and its edition. */
  source: string;
  names: LocalisedName;
  entries: readonly ClassifierEntry[];
}

export const activeEntries = (classifier: Classifier): ClassifierEntry[] =>
  classifier.entries.filter((entry) => !entry.retiredOn);

export const findEntry = (classifier: Classifier, code: string): ClassifierEntry | undefined =>
  classifier.entries.find((entry) => entry.code === code);
