import type { TFunction } from 'i18next';
import type { Classifier } from '../../shared/forms/classifier';
import type { Language } from '../../shared/i18n/languages';
import type { Band, Dimension, StepOutcome } from '../../shared/reports/reportTypes';
import type { WorkflowDef } from '../../shared/workflows/workflowTypes';

/** What naming a code needs: the language, the pack's reference lists, the agencies this workstation knows. */
export interface LabelContext {
  language: Language;
  classifiers: Record<string, Classifier>;
  holders: ReadonlyMap<string, string>;
  t: TFunction;
  /** The pack's case workflows: case states and steps are named from them. */
  workflows?: readonly WorkflowDef[];
}

const workflowOf = (ctx: LabelContext, id: string) => ctx.workflows?.find((workflow) => workflow.id === id);
/** The outcomes of a step deadline, in the order a monitoring table shows them. */
export const stepOutcomes: readonly StepOutcome[] = ['onTime', 'late', 'overdue', 'open', 'notDue'];
/** The statuses of a task item that are not a result code (taskStatus keys start with ':', which no code does). */
const taskKeys = { ':noResult': 'noResult', ':overdue': 'overdue', ':notDue': 'notDue' } as const;

/** The value a row or column is about, as SQL answers it: a code, 1/0, a band's index. */
export type DimensionKey = string | number | null;

/** The values a dimension always shows, in order (even at zero, so published tables keep their shape). */
export function fixedKeys(dimension: Dimension, ctx: LabelContext): DimensionKey[] | null {
  switch (dimension.kind) {
    case 'code': {
      const entries = (ctx.classifiers[dimension.classifier]?.entries ?? []).filter((entry) => !entry.retiredOn);
      // Long lists (the 60 districts and cities) show only what occurs.
      return entries.length <= 20 ? entries.map((entry) => entry.code) : null;
    }
    case 'region':
      return (ctx.classifiers[dimension.classifier]?.entries ?? []).filter((entry) => !entry.parent && !entry.retiredOn).map((entry) => entry.code);
    case 'yesNo':
      return [1, 0];
    case 'yearsSince':
    case 'monthsSince':
      return dimension.bands.map((_, index) => index);
    case 'dateStatus':
      return ['valid', 'expiring', 'expired', 'none'];
    case 'holder':
      return null;
    case 'groupItem':
      return (ctx.classifiers[dimension.classifier]?.entries ?? []).filter((entry) => !entry.retiredOn).map((entry) => entry.code);
    case 'caseState':
      return (workflowOf(ctx, dimension.workflow)?.states ?? []).map((state) => state.id);
    case 'caseStep':
      return (workflowOf(ctx, dimension.workflow)?.steps ?? []).filter((step) => step.due).map((step) => step.id);
    case 'stepOutcome':
      return [...stepOutcomes];
    case 'taskStatus':
      return [...(ctx.classifiers[dimension.resultClassifier]?.entries ?? []).filter((entry) => !entry.retiredOn).map((entry) => entry.code), ...Object.keys(taskKeys)];
  }
}

/** Where a key sits among the dimension's values (classifier order, band order); unknown ones after, by label. */
export function keyOrder(dimension: Dimension, ctx: LabelContext, key: DimensionKey): number {
  if (key === null || key === '') return Number.MAX_SAFE_INTEGER;
  const fixed = dimension.kind === 'code' || dimension.kind === 'groupItem' ? (ctx.classifiers[dimension.classifier]?.entries ?? []).map((entry) => entry.code) : fixedKeys(dimension, ctx);
  const index = fixed?.indexOf(key) ?? -1;
  return index >= 0 ? index : 1_000_000;
}

const bandLabel = (bands: readonly Band[], index: number, language: Language) => bands[index]?.label[language] ?? String(index);

export function keyLabel(dimension: Dimension, ctx: LabelContext, key: DimensionKey): string {
  if (key === null || key === '') return dimension.kind === 'holder' ? ctx.t('reports.holderUnknown') : ctx.t('reports.notStated');
  switch (dimension.kind) {
    case 'code':
    case 'region': {
      const entry = ctx.classifiers[dimension.classifier]?.entries.find((candidate) => candidate.code === key);
      if (!entry) return String(key);
      const parent = dimension.kind === 'code' && entry.parent ? ctx.classifiers[dimension.classifier]?.entries.find((candidate) => candidate.code === entry.parent) : undefined;
      return parent ? `${parent.names[ctx.language]} — ${entry.names[ctx.language]}` : entry.names[ctx.language];
    }
    case 'yesNo':
      return Number(key) === 1 ? ctx.t('records.yes') : ctx.t('records.no');
    case 'yearsSince':
    case 'monthsSince':
      return bandLabel(dimension.bands, Number(key), ctx.language);
    case 'dateStatus':
      return dimension.labels[key as 'none' | 'valid' | 'expiring' | 'expired'][ctx.language];
    case 'holder':
      return ctx.holders.get(String(key)) ?? String(key);
    case 'groupItem':
      return ctx.classifiers[dimension.classifier]?.entries.find((candidate) => candidate.code === key)?.names[ctx.language] ?? String(key);
    case 'caseState':
      return workflowOf(ctx, dimension.workflow)?.states.find((state) => state.id === key)?.names[ctx.language] ?? String(key);
    case 'caseStep':
      return workflowOf(ctx, dimension.workflow)?.steps.find((step) => step.id === key)?.names[ctx.language] ?? String(key);
    case 'stepOutcome':
      return dimension.labels[key as StepOutcome][ctx.language];
    case 'taskStatus': {
      const own = taskKeys[key as keyof typeof taskKeys] as (typeof taskKeys)[keyof typeof taskKeys] | undefined;
      if (own) return dimension.labels[own][ctx.language];
      return ctx.classifiers[dimension.resultClassifier]?.entries.find((candidate) => candidate.code === key)?.names[ctx.language] ?? String(key);
    }
  }
}
