import { isIsoDate } from '../forms/dates';
import type { FormValues } from '../forms/formTypes';
import type { TransitionEffect } from './caseLog';
import type { StepDef } from './workflowTypes';

/**
 * When a step was done: the date in its field (`YYYY-MM-DD`), the instant its transition last
 * took effect, or the record's creation instant; null while not done.
 */
export function stepDoneAt(step: StepDef, values: FormValues, effects: readonly TransitionEffect[], createdAt: string | null): string | null {
  const done = step.done;
  if ('field' in done) {
    const value = values[done.field];
    return typeof value === 'string' && isIsoDate(value) ? value : null;
  }
  if ('transition' in done) return effects.findLast((effect) => effect.transition === done.transition)?.at ?? null;
  return createdAt;
}
