import { canonicalEvent, isWorkflowEvent } from './eventShape';
import type { WorkflowDef, WorkflowEvent } from './workflowTypes';

export type RequestEvent = Extract<WorkflowEvent, { kind: 'request' }>;
export type ResolveEvent = Extract<WorkflowEvent, { kind: 'resolve' }>;

/**
 * What became of an event: on the effective chain; set aside by a resolution; in an unresolved
 * fork; following an event not (yet) in the log; a resolution that lost to a later one or covers
 * no fork of the chain.
 */
export type EventStatus = 'effective' | 'discarded' | 'inConflict' | 'orphan' | 'superseded';

export interface HistoryEntry {
  event: WorkflowEvent;
  status: EventStatus;
}

/** Two or more events following one point: work done offline on two workstations. */
export interface Fork {
  /** The event both branches follow (null: the case's start). */
  point: string | null;
  /** The first event of each branch, in order of time (then id). */
  branches: string[];
  /** The resolution in force, or null while it is a conflict. */
  resolvedBy: string | null;
}

/** A transition that took effect: taken, or approved (`event` is then the approval). */
export interface TransitionEffect {
  transition: string;
  at: string;
  event: string;
}

export interface CaseState {
  state: string;
  /** The effective events, in order. */
  chain: WorkflowEvent[];
  /** The last effective event: what the next event's `after` must name (null: none yet). */
  head: string | null;
  pending: RequestEvent | null;
  effects: TransitionEffect[];
  /** Every event once, ordered by time then id, with what became of it. */
  history: HistoryEntry[];
  /** The forks met along the chain, resolved or not. */
  forks: Fork[];
  /** The unresolved fork the chain stops at: nothing may be taken until it is resolved. */
  conflict: Fork | null;
}

export interface CaseFold {
  state: string;
  pending: RequestEvent | null;
  effects: TransitionEffect[];
}

/** One event's effect on the state. The fold trusts checkEvent; what makes no sense has no effect. */
export function applyEvent(def: WorkflowDef, fold: CaseFold, event: WorkflowEvent): CaseFold {
  const transitionOf = (id: string) => def.transitions.find((transition) => transition.id === id && transition.from.includes(fold.state));
  switch (event.kind) {
    case 'take': {
      const transition = transitionOf(event.transition);
      if (!transition || fold.pending) return fold;
      return { ...fold, state: transition.to, effects: [...fold.effects, { transition: transition.id, at: event.at, event: event.id }] };
    }
    case 'request':
      return transitionOf(event.transition) && !fold.pending ? { ...fold, pending: event } : fold;
    case 'approve': {
      const transition = fold.pending?.id === event.request ? transitionOf(fold.pending.transition) : undefined;
      if (!transition) return fold;
      return { state: transition.to, pending: null, effects: [...fold.effects, { transition: transition.id, at: event.at, event: event.id }] };
    }
    case 'reject':
    case 'cancel':
      return fold.pending?.id === event.request ? { ...fold, pending: null } : fold;
    case 'resolve':
      return fold;
  }
}

const rootKey = '\u0000start';
const keyOf = (point: string | null) => point ?? rootKey;
const later = (a: WorkflowEvent, b: WorkflowEvent) => {
  const [ta, tb] = [Date.parse(a.at), Date.parse(b.at)];
  return ta !== tb ? ta > tb : a.id > b.id;
};
const byTimeThenId = (a: WorkflowEvent, b: WorkflowEvent) => (later(a, b) ? 1 : a.id === b.id ? 0 : -1);

/** The log as a set: one event per id (two different copies of an id: the same one everywhere). */
export function uniqueEvents(log: readonly unknown[]): WorkflowEvent[] {
  const byId = new Map<string, { event: WorkflowEvent; canonical: string }>();
  for (const candidate of log) {
    if (!isWorkflowEvent(candidate)) continue;
    const canonical = canonicalEvent(candidate);
    const known = byId.get(candidate.id);
    if (!known || canonical < known.canonical) byId.set(candidate.id, { event: candidate, canonical });
  }
  return [...byId.values()].map((entry) => entry.event).sort(byTimeThenId);
}

/** Merging two workstations' logs: the union by id. */
export const mergeLogs = (...logs: readonly (readonly WorkflowEvent[])[]): WorkflowEvent[] => uniqueEvents(logs.flat());

/** The resolution in force for a fork: the latest one (then the larger id), if it names every branch. */
function settlingResolution(fork: Fork, resolutions: readonly ResolveEvent[]): ResolveEvent | null {
  const winner = resolutions.reduce<ResolveEvent | null>((best, event) => (!best || later(event, best) ? event : best), null);
  if (!winner || !fork.branches.includes(winner.keep)) return null;
  return fork.branches.every((id) => id === winner.keep || winner.discard.includes(id)) ? winner : null;
}

/**
 * A case's workflow, folded from its log: walks the chain from the start, stopping at a fork no
 * resolution settles. The answer does not depend on the order of the log.
 */
export function caseState(def: WorkflowDef, log: readonly unknown[]): CaseState {
  const events = uniqueEvents(log);
  const chainIds = new Set(events.filter((event) => event.kind !== 'resolve').map((event) => event.id));
  const children = new Map<string, WorkflowEvent[]>();
  const resolutions = new Map<string, ResolveEvent[]>();
  for (const event of events) {
    if (event.kind === 'resolve') {
      resolutions.set(keyOf(event.fork), [...(resolutions.get(keyOf(event.fork)) ?? []), event]);
    } else if (event.after === null || (event.after !== event.id && chainIds.has(event.after))) {
      children.set(keyOf(event.after), [...(children.get(keyOf(event.after)) ?? []), event]);
    }
  }

  const status = new Map<string, EventStatus>();
  const markBranch = (first: WorkflowEvent, mark: EventStatus) => {
    const stack = [first];
    for (let event = stack.pop(); event; event = stack.pop()) {
      if (status.has(event.id)) continue;
      status.set(event.id, mark);
      stack.push(...(children.get(event.id) ?? []));
    }
  };

  let fold: CaseFold = { state: def.initial, pending: null, effects: [] };
  const chain: WorkflowEvent[] = [];
  const forks: Fork[] = [];
  let conflict: Fork | null = null;
  let point: string | null = null;
  for (;;) {
    const next: WorkflowEvent[] = children.get(keyOf(point)) ?? [];
    const fork: Fork | null = next.length > 1 ? { point, branches: next.map((event) => event.id), resolvedBy: null } : null;
    const winner: ResolveEvent | null = fork ? settlingResolution(fork, resolutions.get(keyOf(point)) ?? []) : null;
    if (fork) forks.push(fork);
    if (fork && !winner) {
      conflict = fork;
      for (const event of next) markBranch(event, 'inConflict');
    }
    const kept: WorkflowEvent | undefined = fork ? next.find((event) => event.id === winner?.keep) : next[0];
    if (!kept) break;
    if (fork && winner) {
      fork.resolvedBy = winner.id;
      status.set(winner.id, 'effective');
      for (const event of next) if (event !== kept) markBranch(event, 'discarded');
    }
    fold = applyEvent(def, fold, kept);
    chain.push(kept);
    status.set(kept.id, 'effective');
    point = kept.id;
  }

  const history = events.map((event) => ({ event, status: status.get(event.id) ?? (event.kind === 'resolve' ? 'superseded' : 'orphan') }));
  return { state: fold.state, chain, head: point, pending: fold.pending, effects: fold.effects, history, forks, conflict };
}

/**
 * The state as the author of an event saw it: the fold of the path from the start to `point`
 * (null: the start), or null when that point is not a chain event of the log. The server checks
 * an event made offline against this, so work done on a branch is judged by its own branch.
 */
export function stateAt(def: WorkflowDef, log: readonly unknown[], point: string | null): CaseFold | null {
  const byId = new Map(uniqueEvents(log).map((event) => [event.id, event]));
  const path: WorkflowEvent[] = [];
  for (let id = point; id !== null; ) {
    const event = byId.get(id);
    if (!event || event.kind === 'resolve' || path.length > byId.size) return null;
    path.push(event);
    id = event.after;
  }
  return path.reverse().reduce((fold, event) => applyEvent(def, fold, event), { state: def.initial, pending: null, effects: [] } as CaseFold);
}
