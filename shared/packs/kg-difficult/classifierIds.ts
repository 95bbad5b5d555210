import { kgClassifierIds } from '../kg-residential/classifierIds';

/** The ids of the reference lists Pack 2's forms use: its own, and those shared with Pack 1. */
export const kgdClassifierIds = {
  territory: kgClassifierIds.territory,
  sex: kgClassifierIds.sex,
  relationKind: kgClassifierIds.relationKind,
  socialPayment: kgClassifierIds.socialPayment,
  legalStatus: 'kg-difficult.legalStatus',
  reason: 'kg-difficult.reason',
  need: 'kg-difficult.need',
  informationSource: 'kg-difficult.informationSource',
  circumstance: 'kg-difficult.circumstance',
  activityResult: 'kg-difficult.activityResult',
  closureReason: 'kg-difficult.closureReason',
} as const;
