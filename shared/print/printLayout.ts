import { visibleSections } from '../forms/access';
import type { Classifier } from '../forms/classifier';
import type { FieldDef, FormDef, FormValues, GroupItem, PhotoValue, RoleId } from '../forms/formTypes';
import type { Language } from '../i18n/languages';
import { printedValue, type ValueWords } from './printedValue';

/** One thing on the paper copy, in reading order; the PDF engine only lays these out. */
export type PrintBlock =
  | { kind: 'section'; title: string }
  /** A labelled value; `span` 2 takes the whole width, two span-1 cells share a row. */
  | { kind: 'field'; label: string; text: string; span: 1 | 2 }
  /** A repeating group (relatives…) as a table: numbered rows, one column per sub-field. */
  | { kind: 'table'; label: string; columns: string[]; rows: string[][] };

export interface PrintPlan {
  title: string;
  blocks: PrintBlock[];
  /** The photo the layout places beside the first fields, if the form has one and it is filled. */
  photo: PhotoValue | null;
  photoLabel: string | null;
}

export interface PlanOptions {
  language: Language;
  role: RoleId;
  classifiers: Readonly<Record<string, Classifier>>;
  words: ValueWords & { empty: string; rowNumber: string };
}

const isPhoto = (value: unknown): value is PhotoValue =>
  typeof value === 'object' && value !== null && 'blobId' in value && typeof (value as PhotoValue).blobId === 'string';

function tableOf(field: Extract<FieldDef, { kind: 'group' }>, items: GroupItem[], options: PlanOptions): PrintBlock {
  const { language, classifiers, words } = options;
  return {
    kind: 'table',
    label: field.label[language],
    columns: [words.rowNumber, ...field.fields.map((inner) => inner.label[language])],
    rows: items.map((item, index) => [String(index + 1), ...field.fields.map((inner) => printedValue(inner, item[inner.id], language, classifiers, words) || words.empty)]),
  };
}

/**
 * The paper copy of a record as blocks: every section the role may see, every field the form
 * prints (with "—" where nothing was entered, so a blank is visibly blank), groups as tables.
 */
export function printPlan(form: FormDef, values: FormValues, options: PlanOptions): PrintPlan {
  const { language, classifiers, words } = options;
  const blocks: PrintBlock[] = [];
  let photo: PhotoValue | null = null;
  let photoLabel: string | null = null;
  for (const section of visibleSections(form, options.role)) {
    const sectionBlocks: PrintBlock[] = [];
    for (const field of section.fields) {
      const value = values[field.id];
      if (field.kind === 'photo') {
        if (!photoLabel) photoLabel = field.label[language];
        if (!photo && isPhoto(value)) photo = value;
        continue;
      }
      if (field.print?.omit) continue;
      if (field.kind === 'group') {
        const items = Array.isArray(value) ? value : [];
        sectionBlocks.push(items.length > 0 ? tableOf(field, items, options) : { kind: 'field', label: field.label[language], text: words.empty, span: 2 });
        continue;
      }
      const text = printedValue(field, value, language, classifiers, words);
      sectionBlocks.push({ kind: 'field', label: field.label[language], text: text || words.empty, span: field.print?.span ?? 1 });
    }
    if (sectionBlocks.length > 0) blocks.push({ kind: 'section', title: section.title[language] }, ...sectionBlocks);
  }
  return { title: form.title[language], blocks, photo, photoLabel };
}
