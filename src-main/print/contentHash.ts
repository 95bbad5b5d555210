import crypto from 'node:crypto';
import type { FormDef, FormValues } from '../../shared/forms/formTypes';
import { printedContent } from '../../shared/print/printedContent';

/** SHA-256 (hex) of what a paper copy of this record's values certifies. */
export const printedContentHash = (form: FormDef, recordId: string, values: FormValues): string =>
  crypto.createHash('sha256').update(printedContent(form, recordId, values)).digest('hex');
