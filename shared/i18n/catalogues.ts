import type { Catalogue } from './catalogue';
import type { Language } from './languages';
import { az } from './locales/az';
import { en } from './locales/en';
import { kk } from './locales/kk';
import { ky } from './locales/ky';
import { ru } from './locales/ru';

export const catalogues: Record<Language, Catalogue> = { ky, ru, az, kk, en };
