import type { en } from './locales/en';

/** "pending" for English's plural set pending_one / pending_other. */
type PluralBase<K> = K extends `${infer Base}_other` ? Base : never;

/**
 * A catalogue shaped like English's `T`: the same keys, all strings. English's plural sets
 * (`key_one`, `key_other`, i18next's suffixes) carry, in a language whose CLDR plural rules have
 * more categories, those too (`Extra`: Russian's few and many) — required there, refused elsewhere.
 */
export type Shaped<T, Extra extends string = never> = {
  [K in keyof T]: T[K] extends string ? string : Shaped<T[K], Extra>;
} & { [K in PluralBase<keyof T & string> as `${K}_${Extra}`]: string };

/** The plural categories beyond one and other, per Intl.PluralRules (CLDR): Russian only, of the five. */
export type RussianPlurals = 'few' | 'many';

/** The shape every language's catalogue must have: exactly English's keys, all strings. */
export type Catalogue = Shaped<typeof en>;
/** Russian's: English's keys plus the few and many forms of every plural set. */
export type RussianCatalogue = Shaped<typeof en, RussianPlurals>;
