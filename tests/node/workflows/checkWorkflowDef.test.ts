import { describe, expect, it } from 'vitest';
import type { PackDef } from '../../../shared/forms/packTypes';
import type { WorkCalendar } from '../../../shared/forms/workingDays';
import { checkPackWorkflows, checkWorkflowDef } from '../../../shared/workflows/checkWorkflowDef';
import type { WorkflowDef } from '../../../shared/workflows/workflowTypes';
import { grantCalendar, grantForm, grantWorkflow } from './grantWorkflow';
import { repairCalendar, repairForm, repairRoles, repairWorkflow } from './repairWorkflow';

const repairContext = { form: repairForm, calendar: repairCalendar, roles: Object.values(repairRoles) };

describe('checking a workflow definition', () => {
  it('finds nothing wrong in the two test workflows', () => {
    expect(checkWorkflowDef(repairWorkflow, repairContext)).toEqual([]);
    expect(checkWorkflowDef(grantWorkflow, { form: grantForm, calendar: grantCalendar, roles: ['clerk', 'committee'] })).toEqual([]);
  });

  it('names unknown states, steps, transitions, roles and fields, and duplicate ids', () => {
    const broken: WorkflowDef = {
      ...repairWorkflow,
      initial: 'limbo',
      states: [...repairWorkflow.states, { id: 'inspected', names: repairWorkflow.title }],
      steps: [
        ...repairWorkflow.steps,
        { id: 'signed', names: repairWorkflow.title, owners: ['janitor'], done: { field: 'serialNumber' }, activeIn: ['nowhere'] },
        { id: 'shipped', names: repairWorkflow.title, owners: [repairRoles.head], done: { field: 'shippedOn' }, due: { after: 'packed', workingDays: -1 } },
        { id: 'paid', names: repairWorkflow.title, owners: [repairRoles.head], done: { transition: 'pay' } },
      ],
      transitions: [
        ...repairWorkflow.transitions,
        { id: 'ship', names: repairWorkflow.title, from: ['inRepair', 'lost'], to: 'gone', roles: ['courier'], requires: { fields: ['trackingNo'], steps: ['packed'] }, approval: { roles: ['boss'] } },
        { id: 'lose', names: repairWorkflow.title, from: ['inRepair'], to: 'inRepair', roles: [], approval: { roles: [] } },
      ],
    };
    expect(checkWorkflowDef(broken, repairContext)).toEqual([
      { code: 'DUPLICATE_ID', path: 'states.inspected' },
      { code: 'UNKNOWN_STATE', path: 'initial' },
      { code: 'UNKNOWN_ROLE', path: 'steps.signed.owners.janitor' },
      { code: 'UNKNOWN_STATE', path: 'steps.signed.activeIn.nowhere' },
      { code: 'NOT_A_DATE_FIELD', path: 'steps.signed.done.field' },
      { code: 'UNKNOWN_FIELD', path: 'steps.shipped.done.field' },
      { code: 'UNKNOWN_STEP', path: 'steps.shipped.due.after' },
      { code: 'BAD_DUE', path: 'steps.shipped.due' },
      { code: 'UNKNOWN_TRANSITION', path: 'steps.paid.done.transition' },
      { code: 'UNKNOWN_STATE', path: 'transitions.ship.from.lost' },
      { code: 'UNKNOWN_STATE', path: 'transitions.ship.to' },
      { code: 'UNKNOWN_ROLE', path: 'transitions.ship.roles.courier' },
      { code: 'UNKNOWN_ROLE', path: 'transitions.ship.approval.roles.boss' },
      { code: 'UNKNOWN_STEP', path: 'transitions.ship.requires.steps.packed' },
      { code: 'UNKNOWN_FIELD', path: 'transitions.ship.requires.fields.trackingNo' },
      { code: 'NO_ROLES', path: 'transitions.lose.roles' },
      { code: 'NO_ROLES', path: 'transitions.lose.approval.roles' },
    ]);
    const unowned = { ...repairWorkflow, steps: repairWorkflow.steps.map((step) => (step.id === 'logged' ? { ...step, owners: [] } : step)) };
    expect(checkWorkflowDef(unowned, repairContext)).toEqual([{ code: 'NO_ROLES', path: 'steps.logged.owners' }]);
    expect(checkWorkflowDef(repairWorkflow, { ...repairContext, form: { ...repairForm, id: 'other.form' } })).toEqual([{ code: 'UNKNOWN_FORM', path: 'formId' }]);
  });

  it('finds a cycle of deadlines counted from each other', () => {
    const cyclic: WorkflowDef = {
      ...repairWorkflow,
      steps: repairWorkflow.steps.map((step) =>
        step.id === 'logged' ? { ...step, due: { after: 'inspection', workingDays: 1 } } : step.id === 'broken' ? { ...step, due: { after: 'broken', workingDays: 1 } } : step,
      ),
    };
    expect(checkWorkflowDef(cyclic, repairContext)).toEqual([
      { code: 'DUE_CYCLE', path: 'steps.broken.due.after' },
      { code: 'DUE_CYCLE', path: 'steps.logged.due.after' },
      { code: 'DUE_CYCLE', path: 'steps.inspection.due.after' },
    ]);
  });

  it('refuses hour deadlines without working hours, and deadlines without a valid time zone', () => {
    const noHours: WorkCalendar = { ...grantCalendar };
    delete noHours.workingHours;
    expect(checkWorkflowDef(grantWorkflow, { calendar: noHours })).toEqual([{ code: 'HOURS_WITHOUT_WORKING_HOURS', path: 'steps.screening.due' }]);
    expect(checkWorkflowDef(grantWorkflow, { calendar: { ...grantCalendar, workingHours: { start: '9:00', end: '18:00' } } })).toEqual([
      { code: 'BAD_WORKING_HOURS', path: 'calendar.workingHours' },
    ]);
    expect(checkWorkflowDef(grantWorkflow, { calendar: { ...grantCalendar, workingHours: { start: '18:00', end: '18:00' } } })).toEqual([
      { code: 'BAD_WORKING_HOURS', path: 'calendar.workingHours' },
    ]);
    const noZone: WorkCalendar = { ...repairCalendar };
    delete noZone.timeZone;
    expect(checkWorkflowDef(repairWorkflow, { calendar: noZone })).toEqual([{ code: 'NO_TIME_ZONE', path: 'calendar.timeZone' }]);
    expect(checkWorkflowDef(repairWorkflow, { calendar: { ...repairCalendar, timeZone: 'Asia/Atlantis' } })).toEqual([{ code: 'BAD_TIME_ZONE', path: 'calendar.timeZone' }]);
  });

  it('checks a pack\'s workflows against the pack\'s own form, calendar and roles', () => {
    const pack = {
      id: 'test-pack',
      title: repairWorkflow.title,
      country: 'KG',
      regulation: 'none',
      roles: [{ id: repairRoles.technician, names: repairWorkflow.title }],
      forms: [repairForm],
      classifiers: [],
      calendar: repairCalendar,
      alerts: [],
      retentionYears: 1,
      workflows: [repairWorkflow, grantWorkflow],
    } satisfies PackDef;
    expect(checkPackWorkflows(pack)).toEqual([
      { code: 'UNKNOWN_ROLE', path: 'test.repair.steps.repair.owners.workshop_head' },
      { code: 'UNKNOWN_ROLE', path: 'test.repair.transitions.writeOff.roles.workshop_head' },
      { code: 'UNKNOWN_ROLE', path: 'test.repair.transitions.writeOff.approval.roles.workshop_head' },
      { code: 'UNKNOWN_ROLE', path: 'test.repair.transitions.writeOff.approval.roles.auditor' },
      { code: 'UNKNOWN_FORM', path: 'test.grant.formId' },
      { code: 'UNKNOWN_ROLE', path: 'test.grant.steps.received.owners.clerk' },
      { code: 'UNKNOWN_ROLE', path: 'test.grant.steps.screening.owners.clerk' },
      { code: 'HOURS_WITHOUT_WORKING_HOURS', path: 'test.grant.steps.screening.due' },
      { code: 'UNKNOWN_ROLE', path: 'test.grant.steps.decision.owners.committee' },
      { code: 'UNKNOWN_ROLE', path: 'test.grant.transitions.screen.roles.clerk' },
      { code: 'UNKNOWN_FIELD', path: 'test.grant.transitions.screen.requires.fields.amount' },
      { code: 'UNKNOWN_ROLE', path: 'test.grant.transitions.decide.roles.committee' },
      { code: 'UNKNOWN_ROLE', path: 'test.grant.transitions.sendBack.roles.committee' },
    ]);
  });
});
