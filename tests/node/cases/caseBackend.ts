import { afterEach, beforeEach, expect, vi } from 'vitest';
import type { Result } from '../../../shared/api/result';
import type { FormDef } from '../../../shared/forms/formTypes';
import type { PackDef } from '../../../shared/forms/packTypes';
import { L } from '../../../shared/packs/common/localised';
import { createBackend, type Backend } from '../../../src-main/backend';
import { inProcessClient } from '../../../src-main/transport/inProcessClient';
import { issueTestProfile } from '../../support/testProfile';
import { tempDir } from '../../support/tempDir';
import { repairCalendar, repairForm, repairRoles, repairWorkflow } from '../workflows/repairWorkflow';

/*
 * A made-up pack around the made-up repair workflow of tests/node/workflows: technicians and
 * workshop heads of a workshop, an auditor who sees every workshop's records, a read-only viewer,
 * and a clerk who keeps only notes (a form without a workflow) and may not see repair requests.
 */
const name = (text: string) => L(text, text, text, text, text);

export const noteForm: FormDef = {
  id: 'test.note',
  version: 1,
  title: name('Note'),
  sections: [{ id: 'main', title: name('Note'), fields: [{ id: 'text', kind: 'text', maxLength: 200, label: name('Text') }] }],
  access: { edit: ['clerk', repairRoles.technician] },
};

export const caseRoles = { ...repairRoles, viewer: 'viewer', clerk: 'clerk' } as const;

export const casePack: PackDef = {
  id: 'test-cases',
  title: name('Workshop'),
  country: 'KG',
  regulation: 'none: a made-up workshop',
  roles: [
    { id: caseRoles.technician, names: name('Technician') },
    { id: caseRoles.head, names: name('Workshop head') },
    { id: caseRoles.auditor, names: name('Auditor'), reach: 'all' },
    { id: caseRoles.viewer, names: name('Viewer') },
    { id: caseRoles.clerk, names: name('Clerk') },
  ],
  forms: [
    {
      ...repairForm,
      access: { view: [caseRoles.technician, caseRoles.head, caseRoles.auditor, caseRoles.viewer], edit: [caseRoles.technician, caseRoles.head] },
    },
    noteForm,
  ],
  classifiers: [],
  calendar: repairCalendar,
  alerts: [],
  retentionYears: 10,
  workflows: [repairWorkflow],
};

export const password = 'Generated-Pass-1';

/** Thursday 3 December 2026, 10:00 in Bishkek. */
export const thursday = '2026-12-03T04:00:00Z';

export interface Workstation {
  backend: Backend;
  client: ReturnType<typeof inProcessClient>;
  /** Signs `username` in (signing out whoever was). */
  as(username: string): Promise<void>;
}

/** An activated workstation of `agencyId` (the test profile says agency-1; another agency's is set in its cache). */
export async function workstation(cleanups: (() => void | Promise<void>)[], operators: Record<string, string>, agencyId = 'agency-1', language: 'en' | 'ru' = 'en'): Promise<Workstation> {
  const temp = tempDir('bala-cases-');
  const profile = await issueTestProfile({
    operators: Object.entries(operators).map(([username, role]) => ({ username, password, role, mustChangePassword: false })),
  });
  const backend = createBackend({ dataDir: temp.dir, mode: 'test', locales: [language], packs: [casePack] });
  cleanups.push(async () => {
    await backend.close();
    temp.cleanup();
  });
  const activated = await backend.call('activation.activate', { source: { kind: 'file', name: 'p.balaprofile', contentBase64: profile.file.toString('base64') }, activationCode: profile.code });
  if (!activated.ok) throw new Error(activated.error.code + ': ' + activated.error.message);
  const as = async (username: string) => {
    await backend.call('session.signOut', {});
    expect(await backend.call('session.signIn', { username, password })).toMatchObject({ ok: true });
  };
  await as(Object.keys(operators)[0] ?? '');
  if (agencyId !== 'agency-1') {
    backend.ctx.session.database().prepare("UPDATE workstation SET agency_json = json_set(agency_json, '$.id', ?)").run(agencyId);
  }
  return { backend, client: inProcessClient(backend), as };
}

/**
 * The backend's clock fixed at `at` for each test (only Date is faked), and the list of cleanups
 * run after each test, last first.
 */
export function fixedClockCleanups(at: string): (() => void | Promise<void>)[] {
  const cleanups: (() => void | Promise<void>)[] = [];
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(at));
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    vi.useRealTimers();
  });
  return cleanups;
}

/** The value of an answer, or a failure naming its code. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
