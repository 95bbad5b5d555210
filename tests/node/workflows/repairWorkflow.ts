import type { FormDef } from '../../../shared/forms/formTypes';
import type { WorkCalendar } from '../../../shared/forms/workingDays';
import { L } from '../../../shared/packs/common/localised';
import type { Actor, WorkflowDef } from '../../../shared/workflows/workflowTypes';

/**
 * A made-up workflow no regulation has: a workshop's equipment repair. Broken equipment is logged,
 * inspected within 2 working days of being logged, repaired within 7 working days of breaking;
 * writing it off needs an auditor of another agency (or the workshop head of another agency).
 */
export const repairCalendar: WorkCalendar = {
  id: 'test-repair',
  restWeekdays: [0, 6],
  annualHolidays: ['01-01'],
  // Monday 7 December 2026: an announced day off.
  extraDaysOff: ['2026-12-07'],
  extraWorkingDays: [],
  timeZone: 'Asia/Bishkek',
};

const name = (text: string) => L(text, text, text, text, text);

export const repairForm: FormDef = {
  id: 'test.repairRequest',
  version: 1,
  title: name('Repair request'),
  sections: [
    {
      id: 'main',
      title: name('Request'),
      fields: [
        { id: 'brokenOn', kind: 'date', label: name('Broke on') },
        { id: 'inspectedOn', kind: 'date', label: name('Inspected on') },
        { id: 'partsOrdered', kind: 'text', maxLength: 200, label: name('Parts ordered') },
        { id: 'serialNumber', kind: 'text', maxLength: 40, label: name('Serial number') },
      ],
    },
  ],
};

export const repairRoles = { technician: 'technician', head: 'workshop_head', auditor: 'auditor' } as const;
const r = repairRoles;

export const repairWorkflow: WorkflowDef = {
  id: 'test.repair',
  formId: 'test.repairRequest',
  title: name('Equipment repair'),
  states: [
    { id: 'reported', names: name('Reported') },
    { id: 'inspected', names: name('Inspected') },
    { id: 'inRepair', names: name('In repair') },
    { id: 'repaired', names: name('Repaired'), final: true },
    { id: 'writtenOff', names: name('Written off'), final: true },
  ],
  initial: 'reported',
  steps: [
    { id: 'broken', names: name('Broke'), owners: [r.technician], done: { field: 'brokenOn' } },
    { id: 'logged', names: name('Logged'), owners: [r.technician], done: { created: true } },
    { id: 'inspection', names: name('Inspection'), owners: [r.technician], done: { field: 'inspectedOn' }, due: { after: 'logged', workingDays: 2 } },
    {
      id: 'repair',
      names: name('Repair'),
      owners: [r.technician, r.head],
      done: { transition: 'finishRepair' },
      due: { after: 'broken', workingDays: 7 },
      activeIn: ['inspected', 'inRepair'],
    },
  ],
  transitions: [
    { id: 'inspect', names: name('Inspect'), from: ['reported'], to: 'inspected', roles: [r.technician], requires: { fields: ['inspectedOn'] } },
    {
      id: 'startRepair',
      names: name('Start repair'),
      from: ['inspected'],
      to: 'inRepair',
      roles: [r.technician],
      requires: { fields: ['partsOrdered', 'serialNumber'], steps: ['inspection'] },
    },
    { id: 'finishRepair', names: name('Finish repair'), from: ['inRepair'], to: 'repaired', roles: [r.technician] },
    {
      id: 'writeOff',
      names: name('Write off'),
      from: ['reported', 'inspected'],
      to: 'writtenOff',
      roles: [r.technician, r.head],
      requires: { fields: ['serialNumber'] },
      approval: { roles: [r.head, r.auditor], otherAgency: true },
    },
  ],
};

/** Operators of two workshops (agencies) and an audit office. */
export const actors = {
  tech1: { userId: 'u-tech1', role: r.technician, agencyId: 'workshop-1' },
  tech2: { userId: 'u-tech2', role: r.technician, agencyId: 'workshop-1' },
  head1: { userId: 'u-head1', role: r.head, agencyId: 'workshop-1' },
  head2: { userId: 'u-head2', role: r.head, agencyId: 'workshop-2' },
  auditor: { userId: 'u-audit', role: r.auditor, agencyId: 'audit-office' },
} satisfies Record<string, Actor>;

/** Ids and clock for the event builders, made by the test (the engine makes neither). */
export function stamps(start = '2026-12-03T04:00:00Z') {
  let count = 0;
  return (by: Actor, minutesLater = count * 5) => {
    count += 1;
    return { id: `ev-${String(count).padStart(3, '0')}`, now: new Date(Date.parse(start) + minutesLater * 60_000), by };
  };
}
