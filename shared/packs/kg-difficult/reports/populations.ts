import type { Population } from '../../../reports/reportTypes';
import { childRecord } from '../forms/childRecord';
import { protectionPlan } from '../forms/caseSteps';

/** §22: children identified at risk in the period — found on a day within it — by where they were found. */
export const identifiedChildren: Population = {
  id: 'identified',
  formId: childRecord.id,
  personal: true,
  startField: 'foundOn',
  startsWithin: true,
  territoryField: 'foundTerritory',
};

/** §3, §22: the individual protection plans drawn up by the period's end; the region filter goes by where the child was found. */
export const protectionPlans: Population = {
  id: 'plans',
  formId: protectionPlan.id,
  personal: true,
  startField: 'adoptedOn',
  subjectTerritory: { formId: childRecord.id, field: 'foundTerritory' },
};
