/** The ids of Pack 1's reference lists, as the forms refer to them. */
export const kgClassifierIds = {
  territory: 'kg.territory',
  institutionType: 'kg-residential.institutionType',
  ownership: 'kg-residential.ownershipForm',
  department: 'kg-residential.department',
  legalStatus: 'kg-residential.legalStatus',
  placementReason: 'kg-residential.placementReason',
  referringBody: 'kg-residential.referringBody',
  socialPayment: 'kg-residential.socialPayment',
  disabilityGroup: 'kg-residential.disabilityGroup',
  placementTerm: 'kg-residential.placementTerm',
  relationKind: 'kg-residential.relationKind',
  sex: 'common.sex',
} as const;
