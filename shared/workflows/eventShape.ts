import type { Actor, WorkflowEvent } from './workflowTypes';

/**
 * Whether a value pushed by a workstation (or read back from a store) is a well-formed workflow
 * event: the engine folds and checks only these, so bad input is a refusal, never a crash.
 */
export function isWorkflowEvent(value: unknown): value is WorkflowEvent {
  if (!isObject(value)) return false;
  if (!isId(value.id) || !isInstant(value.at) || !isActor(value.by)) return false;
  if (value.after !== null && !isId(value.after)) return false;
  if (!Object.keys(value).every((key) => common.has(key) || (typeof value.kind === 'string' && fieldsOf[value.kind]?.includes(key)))) return false;
  switch (value.kind) {
    case 'take':
      return isId(value.transition);
    case 'request':
      return isId(value.transition) && isComment(value.comment);
    case 'approve':
    case 'reject':
      return isId(value.request) && isComment(value.comment);
    case 'cancel':
      return isId(value.request);
    case 'resolve':
      return (value.fork === null || isId(value.fork)) && isId(value.keep) && Array.isArray(value.discard) && value.discard.every(isId);
    default:
      return false;
  }
}

const maxComment = 2000;
const common = new Set(['id', 'at', 'by', 'after', 'kind']);
/** The fields each kind may carry besides the common ones: nothing else travels in a log. */
const fieldsOf: Partial<Record<string, readonly string[]>> = {
  take: ['transition'],
  request: ['transition', 'comment'],
  approve: ['request', 'comment'],
  reject: ['request', 'comment'],
  cancel: ['request'],
  resolve: ['fork', 'keep', 'discard'],
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 100;
const isComment = (value: unknown) => value === undefined || (typeof value === 'string' && value.length <= maxComment);
const isActor = (value: unknown): value is Actor =>
  isObject(value) && Object.keys(value).length === 3 && isId(value.userId) && isId(value.role) && isId(value.agencyId);

/** An ISO instant with its zone (`2026-12-03T17:25:00Z`, `…+06:00`): the author's clock, unambiguous. */
export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value));
}

/** The same event whatever order its keys were written in (two copies of one id are compared by it). */
export function canonicalEvent(event: WorkflowEvent): string {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(sorted) : isObject(value) ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted(value[key])])) : value;
  return JSON.stringify(sorted(event));
}
