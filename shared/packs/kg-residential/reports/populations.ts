import type { Population } from '../../../reports/reportTypes';
import { institutionCard } from '../forms/institutionCard';
import { pupilCard } from '../forms/pupilCard';
import { dischargeEvent } from '../forms/pupilEvents';

/** Registered institutions (§13.1, §14): not persons, so their counts are never suppressed. */
export const institutions: Population = { id: 'institutions', formId: institutionCard.id, personal: false, territoryField: 'territory' };

/** Children placed in an institution at some time within the period: admitted by its end, not gone before its start. */
export const pupils: Population = {
  id: 'pupils',
  formId: pupilCard.id,
  personal: true,
  startField: 'admittedOn',
  endedBy: { formId: dischargeEvent.id, field: 'dischargedOn' },
  territoryField: 'cameFrom',
};
