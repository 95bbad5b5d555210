import type { LocalisedName } from '../../forms/classifier';

/** A label in the five languages, in the order Kyrgyz, Russian, Azerbaijani, Kazakh, English. */
export const L = (ky: string, ru: string, az: string, kk: string, en: string): LocalisedName => ({ ky, ru, az, kk, en });
