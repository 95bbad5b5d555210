import crypto from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deadlineStatus } from '../../../shared/forms/deadlines';
import type { FormDef } from '../../../shared/forms/formTypes';
import type { PackDef } from '../../../shared/forms/packTypes';
import { addMonths, findAlerts } from '../../../src-main/records/alerts';
import { RecordStore } from '../../../src-main/records/recordStore';
import { openCache, type CacheDatabase } from '../../../src-main/store/cacheDatabase';
import { tempDir } from '../../support/tempDir';

const n = (en: string) => ({ ky: `${en}-ky`, ru: `${en}-ru`, az: `${en}-az`, kk: `${en}-kk`, en });
const calendar = { id: 'kg', restWeekdays: [0, 6], annualHolidays: ['01-01'], extraDaysOff: [], extraWorkingDays: [] };

const child: FormDef = {
  id: 't.child',
  version: 1,
  title: n('Child'),
  titleField: 'name',
  deadline: { field: 'admittedOn', workingDays: 2 },
  sections: [{ id: 's', title: n('S'), fields: [
    { id: 'name', kind: 'text', maxLength: 50, label: n('Name') },
    { id: 'admittedOn', kind: 'date', label: n('Admitted') },
    { id: 'term', kind: 'text', maxLength: 20, label: n('Term') },
  ] }],
};
const leaving: FormDef = {
  id: 't.leaving',
  version: 1,
  title: n('Leaving'),
  subject: { formId: child.id },
  deadline: { field: 'leftOn', workingDays: 2 },
  sections: [{ id: 's', title: n('S'), fields: [{ id: 'leftOn', kind: 'date', label: n('Left') }] }],
};
const home: FormDef = {
  id: 't.home',
  version: 1,
  title: n('Home'),
  titleField: 'name',
  sections: [{ id: 's', title: n('S'), fields: [{ id: 'name', kind: 'text', maxLength: 50, label: n('Name') }, { id: 'accreditedUntil', kind: 'date', label: n('Until') }] }],
};
const pack: PackDef = {
  id: 't',
  title: n('T'),
  country: 'KG',
  regulation: 't',
  roles: [{ id: 'holder', names: n('Holder') }, { id: 'mayor', names: n('Mayor'), aggregateOnly: true }],
  forms: [child, leaving, home],
  classifiers: [],
  calendar,
  alerts: [
    { kind: 'dateApproaching', id: 'accreditation', formId: home.id, field: 'accreditedUntil', daysBefore: 60, message: n('Accreditation expires') },
    { kind: 'stayExceeded', id: 'temporaryStay', formId: child.id, startField: 'admittedOn', when: { field: 'term', equals: 'temporary' }, months: 6, endedByForm: leaving.id, message: n('Temporary stay over 6 months') },
  ],
  retentionYears: 75,
};

let db: CacheDatabase;
let cleanup: () => void;
beforeEach(() => {
  const temp = tempDir('bala-alerts-');
  cleanup = temp.cleanup;
  db = openCache(path.join(temp.dir, 'cache.db'), crypto.randomBytes(32), { create: true });
});
afterEach(() => {
  db.close();
  cleanup();
});

const titleOf = (_formId: string, record: { values: Record<string, unknown> }) => (typeof record.values.name === 'string' ? record.values.name : '');

describe('deadlines of entry (§17, §18)', () => {
  it('marks a record entered within two working days on time, and a later one late', () => {
    // Arrival Friday 2026-11-20: due Tuesday 2026-11-24.
    const values = { admittedOn: '2026-11-20' };
    expect(deadlineStatus(child, calendar, values, new Date('2026-11-24T15:00:00'))).toEqual({ eventDate: '2026-11-20', due: '2026-11-24', enteredOn: '2026-11-24', state: 'onTime' });
    expect(deadlineStatus(child, calendar, values, new Date('2026-11-25T09:00:00'))?.state).toBe('late');
    expect(deadlineStatus(child, calendar, values, null, new Date('2026-11-23T09:00:00'))?.state).toBe('open');
    expect(deadlineStatus(child, calendar, values, null, new Date('2026-11-26T09:00:00'))?.state).toBe('overdue');
    expect(deadlineStatus(home, calendar, { name: 'x' }, new Date())).toBeNull();
  });
});

describe('events about a pupil', () => {
  it('must name an existing record of the subject form', () => {
    const store = new RecordStore(db);
    const pupil = store.create(child, { name: 'Айпери', admittedOn: '2026-01-10' }, 'h');
    const left = store.create(leaving, { leftOn: '2026-05-01' }, 'h', { subjectId: pupil.id });
    expect(left.subjectId).toBe(pupil.id);
    expect(store.aboutSubject(pupil.id).map((record) => record.id)).toEqual([left.id]);
    const home1 = store.create(home, { name: 'Home 1' }, 'h');
    for (const subjectId of [undefined, 'missing', home1.id]) {
      expect(() => store.create(leaving, { leftOn: '2026-05-01' }, 'h', { subjectId })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    }
  });
});

describe('alerts (§8.3, §8.4)', () => {
  it('warns of accreditations expiring within 60 days or already expired, soonest first', () => {
    const store = new RecordStore(db);
    store.create(home, { name: 'Far', accreditedUntil: '2027-06-01' }, 'h');
    store.create(home, { name: 'Soon', accreditedUntil: '2027-01-10' }, 'h');
    store.create(home, { name: 'Expired', accreditedUntil: '2026-10-01' }, 'h');
    const alerts = findAlerts([pack], store, 'holder', '2026-11-25', 'ru', titleOf);
    expect(alerts.map((alert) => [alert.title, alert.date, alert.message])).toEqual([
      ['Expired', '2026-10-01', 'Accreditation expires-ru'],
      ['Soon', '2027-01-10', 'Accreditation expires-ru'],
    ]);
  });

  it('warns of temporary placements past six months until the child has left', () => {
    const store = new RecordStore(db);
    const long = store.create(child, { name: 'Temporary, long', admittedOn: '2026-05-20', term: 'temporary' }, 'h');
    store.create(child, { name: 'Temporary, recent', admittedOn: '2026-06-01', term: 'temporary' }, 'h');
    store.create(child, { name: 'Long-term', admittedOn: '2020-01-01', term: 'longTerm' }, 'h');
    expect(findAlerts([pack], store, 'holder', '2026-11-25', 'en', titleOf).map((alert) => [alert.title, alert.date])).toEqual([['Temporary, long', '2026-11-20']]);
    store.create(leaving, { leftOn: '2026-11-24' }, 'h', { subjectId: long.id });
    expect(findAlerts([pack], store, 'holder', '2026-11-25', 'en', titleOf)).toEqual([]);
  });

  it('shows nothing to a role that sees only totals', () => {
    const store = new RecordStore(db);
    store.create(home, { name: 'Expired', accreditedUntil: '2026-10-01' }, 'h');
    expect(findAlerts([pack], store, 'mayor', '2026-11-25', 'en', titleOf)).toEqual([]);
  });

  it('adds calendar months, keeping to the end of short months', () => {
    expect(addMonths('2026-05-20', 6)).toBe('2026-11-20');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
  });
});
