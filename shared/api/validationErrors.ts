import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { FieldError } from './result';

const knownCustomMessages = new Set(['empty_patch']);

/** Zod issues as field errors with stable codes and messages in the caller's language. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[], t: TFunction): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    switch (issue.code) {
      case 'invalid_type':
        if (issue.input === undefined) return { path, code: 'required', message: t('validation.required') };
        return { path, code: issue.code, message: t('validation.invalid_type', { expected: issue.expected }) };
      case 'too_small':
        return { path, code: issue.code, message: t('validation.too_small', { minimum: String(issue.minimum) }) };
      case 'too_big':
        return { path, code: issue.code, message: t('validation.too_big', { maximum: String(issue.maximum) }) };
      case 'unrecognized_keys':
        return { path, code: issue.code, message: t('validation.unrecognized_keys', { keys: issue.keys.join(', ') }) };
      case 'not_multiple_of':
        return { path, code: issue.code, message: t('validation.not_multiple_of', { divisor: String(issue.divisor) }) };
      case 'invalid_value':
      case 'invalid_format':
        return { path, code: issue.code, message: t(`validation.${issue.code}`) };
      case 'custom':
        if (knownCustomMessages.has(issue.message)) {
          return { path, code: issue.message, message: t(`validation.${issue.message}`) };
        }
        return { path, code: 'invalid', message: t('validation.invalid') };
      default:
        return { path, code: issue.code, message: t('validation.invalid') };
    }
  });
}
