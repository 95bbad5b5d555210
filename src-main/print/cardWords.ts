import type { TFunction } from 'i18next';
import type { Language } from '../../shared/i18n/languages';
import { translatorFor } from '../../shared/i18n/translator';
import type { PlanOptions } from '../../shared/print/printLayout';
import type { CardWords } from './cardDocument';

const translators = new Map<Language, TFunction>();

/** The print language's translator: a card's words follow the copy, not the operator's interface. */
export function printTranslator(language: Language): TFunction {
  let t = translators.get(language);
  if (!t) translators.set(language, (t = translatorFor(language)));
  return t;
}

export function cardWords(t: TFunction): CardWords {
  return {
    preparedOn: t('print.preparedOn'),
    head: t('print.head'),
    signature: t('print.signature'),
    fullName: t('print.fullName'),
    seal: t('print.seal'),
    verification: t('print.verification'),
    delivered: t('print.delivered'),
    notDelivered: t('print.notDelivered'),
    continued: t('print.continued'),
    photoPlace: t('print.photoPlace'),
    page: (page, pages) => t('print.page', { page, pages }),
  };
}

export const valueWords = (t: TFunction): PlanOptions['words'] => ({
  yes: t('print.yes'),
  no: t('print.no'),
  empty: t('print.empty'),
  rowNumber: t('print.rowNumber'),
});
