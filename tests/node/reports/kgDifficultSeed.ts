import { afterEach } from 'vitest';
import type { FormValues } from '../../../shared/forms/formTypes';
import { classifierMap } from '../../../shared/forms/packTypes';
import type { Language } from '../../../shared/i18n/languages';
import { protectionPlan } from '../../../shared/packs/kg-difficult/forms/caseSteps';
import { childRecord } from '../../../shared/packs/kg-difficult/forms/childRecord';
import { kgDifficultPack } from '../../../shared/packs/kg-difficult/pack';
import type { WorkflowEvent } from '../../../shared/workflows/workflowTypes';
import { createBackend, type Backend } from '../../../src-main/backend';
import { CaseStore } from '../../../src-main/cases/caseStore';
import { RecordStore } from '../../../src-main/records/recordStore';
import type { CacheDatabase } from '../../../src-main/store/cacheDatabase';
import { inProcessClient } from '../../../src-main/transport/inProcessClient';
import { issueTestProfile } from '../../support/testProfile';
import { tempDir } from '../../support/tempDir';

/*
 * Pack 2 children found over ten months, their cases moved along by workflow events (some after
 * the period's end, some closed without an assessment on another agency's consent), and the
 * protection plans of the cases that reached one. The seed keeps what it did — each state change
 * with its instant, each activity — so a test can count without the engine.
 */
const classifiers = classifierMap(kgDifficultPack);
export const codes = (id: string) => (classifiers[id]?.entries ?? []).map((entry) => entry.code);
export const territoryParent = new Map((classifiers['kg.territory']?.entries ?? []).map((entry) => [entry.code, entry.parent ?? null]));

function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return { pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T, chance: (p: number) => next() < p, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

const dayMs = 86_400_000;
export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
/** 10:00 in Bishkek (UTC+6) on a date, plus some minutes. */
const morning = (date: string, minutes = 0) => new Date(Date.parse(`${date}T04:00:00Z`) + minutes * 60_000).toISOString();

export interface SeededActivity {
  plannedOn: string;
  executedOn: string | null;
  result: string | null;
}
export interface SeededChild {
  id: string;
  values: FormValues;
  holder: string;
  createdAt: string;
  /** Every state the case entered, with the instant the event that made it took effect. */
  states: { state: string; at: string }[];
  /** Transitions that took effect, by id, with their instant. */
  done: Record<string, string>;
  plan: { id: string; adoptedOn: string; activities: SeededActivity[] } | null;
}

const specialist = { userId: 'spec-1', role: 'kgd_specialist', agencyId: 'agency-1' };
const territorial = { userId: 'terr-1', role: 'kgd_territorial', agencyId: 'district-office' };

export function seedChildren(db: CacheDatabase, count: number, seed = 11): SeededChild[] {
  const r = random(seed);
  const territories = codes('kg.territory');
  const reasons = codes('kg-difficult.reason');
  const results = codes('kg-difficult.activityResult');
  const cases = new CaseStore(db);
  const children: SeededChild[] = [];
  for (let i = 0; i < count; i += 1) {
    // Mostly within 2026-01-01 … 2026-06-30, some before and after it.
    const foundOn = addDays('2025-11-15', r.int(0, 275));
    const createdAt = morning(addDays(foundOn, r.pick([0, 0, 0, 1, 1, 2, 4])), r.int(0, 300));
    const holder = r.pick(['agency-1', 'agency-2', 'agency-3']);
    const reasonItems = r.chance(0.03) ? [] : Array.from({ length: r.pick([1, 1, 2, 2, 3]) }, () => ({ reason: r.pick(reasons) }));
    const values: FormValues = {
      name: { surname: `Асанов${i}`, givenName: 'Бакыт' },
      sex: r.pick(['female', 'male']),
      birthDate: addDays('2009-01-01', r.int(0, 5800)),
      foundOn,
      foundTerritory: r.pick(territories),
      hasParents: r.chance(0.6),
      hasRelatives: r.chance(0.7),
      migrantParents: r.chance(0.3),
      disability: r.chance(0.2),
      socialPayment: r.pick(codes('kg-residential.socialPayment')),
      legalStatus: r.pick(codes('kg-difficult.legalStatus')),
      ...(reasonItems.length > 0 ? { reasons: reasonItems.map((item) => (item.reason === 'other' ? { ...item, details: 'Башка' } : item)) } : {}),
    };
    const id = new RecordStore(db, () => new Date(createdAt)).create(childRecord, values, 'seed', { holder }).id;
    const child: SeededChild = { id, values, holder, createdAt, states: [], done: {}, plan: null };

    // The case moves along: each event after the one before it, a few days apart.
    let after: string | null = null;
    let at = createdAt;
    const take = (transition: string, to: string, days: number) => {
      at = new Date(Date.parse(at) + days * dayMs + r.int(0, 500) * 60_000).toISOString();
      const event: WorkflowEvent = { id: `${id}-${transition}`, at, by: specialist, after, kind: 'take', transition };
      cases.append(id, event);
      after = event.id;
      child.states.push({ state: to, at });
      child.done[transition] = at;
    };
    const level = r.pick([0, 1, 1, 2, 2, 3, 3, 4]);
    if (r.chance(0.12)) {
      // §20: closed without an assessment, effective when the territorial office of another agency approves.
      if (r.chance(0.5)) take('enterInitialInformation', 'initialInformation', r.int(0, 4));
      const request: WorkflowEvent = { id: `${id}-request`, at: new Date(Date.parse(at) + r.int(1, 5) * dayMs).toISOString(), by: specialist, after, kind: 'request', transition: 'closeWithoutAssessment' };
      cases.append(id, request);
      const approve: WorkflowEvent = { id: `${id}-approve`, at: new Date(Date.parse(request.at) + r.int(1, 6) * dayMs).toISOString(), by: territorial, after: request.id, kind: 'approve', request: request.id };
      cases.append(id, approve);
      child.states.push({ state: 'closed', at: approve.at });
      child.done.closeWithoutAssessment = approve.at;
    } else {
      if (level >= 1) take('enterInitialInformation', 'initialInformation', r.int(0, 4));
      if (level >= 2) take('enterAssessment', 'assessment', r.int(2, 9));
      if (level >= 3) {
        take('adoptPlan', 'plan', r.int(1, 10));
        const adoptedOn = at.slice(0, 10);
        const activities = Array.from({ length: r.int(1, 4) }, (): SeededActivity => {
          const executedOn = r.chance(0.6) ? addDays(adoptedOn, r.int(1, 100)) : null;
          return { plannedOn: addDays(adoptedOn, r.int(3, 90)), executedOn, result: executedOn && r.chance(0.9) ? r.pick(results) : null };
        });
        const planValues: FormValues = {
          adoptedOn,
          goal: 'Баланы үй-бүлөгө кайтаруу',
          activities: activities.map((activity, n) => ({
            activity: `Иш-чара ${n + 1}`,
            specialist: 'Адис',
            plannedOn: activity.plannedOn,
            ...(activity.executedOn ? { executedOn: activity.executedOn } : {}),
            ...(activity.result ? { result: activity.result } : {}),
          })),
        };
        const plan = new RecordStore(db).create(protectionPlan, planValues, 'seed', { subjectId: id, holder });
        child.plan = { id: plan.id, adoptedOn, activities };
      }
      if (level >= 4) take('close', 'closed', r.int(5, 40));
    }
    children.push(child);
  }
  return children;
}

const backends: Backend[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const backend of backends.splice(0)) await backend.close();
  cleanups.splice(0).forEach((cleanup) => cleanup());
});

/** A workstation of Pack 2 only, signed in with `role`, its cache seeded through the record and case stores. */
export async function kgDifficultWorkstation(role: string, count = 200, language: Language = 'en') {
  const temp = tempDir('bala-kgd-reports-');
  cleanups.push(temp.cleanup);
  const profile = await issueTestProfile({ operators: [{ username: 'op', password: 'Generated-Pass-1', displayName: 'Айгүл Сейитова', role, mustChangePassword: false }] });
  const backend = createBackend({ dataDir: temp.dir, mode: 'test', locales: [language], packs: [kgDifficultPack] });
  backends.push(backend);
  await backend.call('activation.activate', { source: { kind: 'file', name: 'p.balaprofile', contentBase64: profile.file.toString('base64') }, activationCode: profile.code });
  const signedIn = await backend.call('session.signIn', { username: 'op', password: 'Generated-Pass-1' });
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  const db = backend.ctx.session.database();
  const children = db.transaction(() => seedChildren(db, count))();
  return { backend, client: inProcessClient(backend), db, children, dir: temp.dir };
}
