import type { FormDef } from '../../../shared/forms/formTypes';
import type { WorkCalendar } from '../../../shared/forms/workingDays';
import { L } from '../../../shared/packs/common/localised';
import type { WorkflowDef } from '../../../shared/workflows/workflowTypes';

/**
 * A second made-up workflow, in hours: a foundation's small-grant applications. Screened within 4
 * working hours of arrival, decided within 24 clock hours of screening. Another zone (Tashkent,
 * UTC+5), other roles: the engine knows neither workflow.
 */
export const grantCalendar: WorkCalendar = {
  id: 'test-grant',
  restWeekdays: [0, 6],
  annualHolidays: [],
  extraDaysOff: ['2026-12-07'],
  extraWorkingDays: [],
  timeZone: 'Asia/Tashkent',
  workingHours: { start: '09:00', end: '18:00' },
};

const name = (text: string) => L(text, text, text, text, text);

export const grantForm: FormDef = {
  id: 'test.grantApplication',
  version: 1,
  title: name('Grant application'),
  sections: [{ id: 'main', title: name('Application'), fields: [{ id: 'amount', kind: 'number', min: 0, max: 1e6, label: name('Amount') }] }],
};

export const grantWorkflow: WorkflowDef = {
  id: 'test.grant',
  formId: 'test.grantApplication',
  title: name('Small grant'),
  states: [
    { id: 'submitted', names: name('Submitted') },
    { id: 'screened', names: name('Screened') },
    { id: 'decided', names: name('Decided'), final: true },
  ],
  initial: 'submitted',
  steps: [
    { id: 'received', names: name('Received'), owners: ['clerk'], done: { created: true } },
    { id: 'screening', names: name('Screening'), owners: ['clerk'], done: { transition: 'screen' }, due: { after: 'received', workingHours: 4 } },
    { id: 'decision', names: name('Decision'), owners: ['committee'], done: { transition: 'decide' }, due: { after: 'screening', hours: 24 } },
  ],
  transitions: [
    { id: 'screen', names: name('Screen'), from: ['submitted'], to: 'screened', roles: ['clerk'], requires: { fields: ['amount'] } },
    { id: 'decide', names: name('Decide'), from: ['screened'], to: 'decided', roles: ['committee'] },
    { id: 'sendBack', names: name('Send back for screening'), from: ['screened'], to: 'submitted', roles: ['committee'] },
  ],
  soonWorkingDays: 0,
};

export const clerk = { userId: 'u-clerk', role: 'clerk', agencyId: 'foundation' };
export const committee = { userId: 'u-chair', role: 'committee', agencyId: 'foundation' };
