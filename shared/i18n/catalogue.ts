import type { en } from './locales/en';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language's catalogue must have: exactly English's keys, all strings. */
export type Catalogue = Widen<typeof en>;
