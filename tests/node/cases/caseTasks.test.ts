import crypto from 'node:crypto';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseTaskView } from '../../../shared/api/cases';
import type { BackendContext } from '../../../src-main/api/handlers';
import { caseHandlers } from '../../../src-main/cases/caseHandlers';
import { RecordStore } from '../../../src-main/records/recordStore';
import { openCache, type CacheDatabase } from '../../../src-main/store/cacheDatabase';
import { translatorFor } from '../../../shared/i18n/translator';
import { tempDir } from '../../support/tempDir';
import { repairForm } from '../workflows/repairWorkflow';
import { casePack, fixedClockCleanups, thursday, value, workstation } from './caseBackend';

/*
 * cases.tasks: the steps the operator's role owns that are open, due soon or overdue, overdue
 * first, counted in the pack calendar's working days (Asia/Bishkek; Monday 7 December 2026 is an
 * announced day off) at the backend's clock.
 */

const cleanups = fixedClockCleanups(thursday);

/** 10:00 in Bishkek on a day of December 2026. */
const at = (day: number) => new Date(`2026-12-${String(day).padStart(2, '0')}T04:00:00Z`);

describe('cases.tasks', () => {
  it('lists overdue steps first, across a weekend and a day off, only to the roles that own them', async () => {
    const station = await workstation(cleanups, { tech1: 'technician', head1: 'workshop_head', viewer: 'viewer' });
    const create = async (serialNumber: string) =>
      value(await station.client.call('records.create', { formId: repairForm.id, values: { brokenOn: '2026-12-02', serialNumber } })).id;
    // Logged on Thursday 3 December: its inspection is due two working days later, Tuesday 8 (Saturday, Sunday and Monday 7 are off).
    const early = await create('SN-1');
    vi.setSystemTime(at(9));
    // Logged on Wednesday 9 December: due Friday 11.
    await create('SN-2');

    const tasksAt = async (day: number) => {
      vi.setSystemTime(at(day));
      return value(await station.client.call('cases.tasks', {})).map((task) => [task.recordId === early ? 'early' : 'late', task.stepId, task.due, task.state]);
    };
    vi.setSystemTime(at(9));
    expect(await tasksAt(9)).toEqual([
      ['early', 'inspection', '2026-12-08', 'overdue'],
      ['late', 'inspection', '2026-12-11', 'open'],
    ]);
    // On Monday 7 (a day off) the early case is due soon, not overdue: a calendar-day count would say overdue since Saturday.
    expect((await tasksAt(7)).filter(([which]) => which === 'early')).toEqual([['early', 'inspection', '2026-12-08', 'dueSoon']]);
    expect(await tasksAt(14)).toEqual([
      ['early', 'inspection', '2026-12-08', 'overdue'],
      ['late', 'inspection', '2026-12-11', 'overdue'],
    ]);
    const first = value(await station.client.call('cases.tasks', {}))[0];
    expect(first).toEqual({ recordId: early, formId: repairForm.id, workflowId: 'test.repair', title: expect.any(String) as string, stepId: 'inspection', due: '2026-12-08', state: 'overdue' });

    // The workshop head owns only the repair, not scheduled while a case is merely reported; the viewer owns nothing.
    await station.as('head1');
    expect(value(await station.client.call('cases.tasks', {}))).toEqual([]);
    await station.as('viewer');
    expect(value(await station.client.call('cases.tasks', {}))).toEqual([]);
  });
});

describe('cases.tasks over a thousand cases', () => {
  let db: CacheDatabase;
  beforeEach(() => {
    const temp = tempDir('bala-cases-many-');
    db = openCache(path.join(temp.dir, 'cache.db'), crypto.randomBytes(32), { create: true });
    cleanups.push(() => temp.cleanup(), () => void db.close());
    db.prepare(
      "INSERT INTO workstation (id, name, agency_json, scope_json, server_url, tls_server_name, ca_cert_pem, client_key_pem, client_cert_pem, profile_id, profile_expires_at, activated_at) VALUES ('ws-1', 'w', ?, '{}', 'u', 't', 'c', 'k', 'c', 'p', 'e', 'a')",
    ).run(JSON.stringify({ id: 'agency-1' }));
  });

  it('reads every case log in one query', () => {
    const store = new RecordStore(db, () => new Date(thursday));
    db.transaction(() => {
      for (let i = 0; i < 1000; i += 1) store.create(repairForm, { brokenOn: '2026-12-02', serialNumber: `SN-${i}` }, 'tech1');
    })();
    const logReads: string[] = [];
    const prepare = db.prepare.bind(db);
    vi.spyOn(db, 'prepare').mockImplementation(((sql: string) => {
      if (sql.includes('case_events')) logReads.push(sql);
      return prepare(sql);
    }));
    const ctx = {
      packs: [casePack],
      session: { work: () => ({ db, username: 'tech1', role: 'technician' }) },
      language: () => 'en',
      t: () => translatorFor('en'),
    } as unknown as BackendContext;
    vi.setSystemTime(at(9));
    const started = performance.now();
    const tasks = caseHandlers['cases.tasks'](undefined, ctx) as CaseTaskView[];
    const took = performance.now() - started;
    expect(tasks).toHaveLength(1000);
    expect(new Set(tasks.map((task) => task.state))).toEqual(new Set(['overdue']));
    expect(logReads).toHaveLength(1);
    // Generous for a busy two-core machine; one query per case took several times longer.
    expect(took).toBeLessThan(3000);
  });
});
