import type { serverEn } from './en';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type ServerCatalogue = Widen<typeof serverEn>;
