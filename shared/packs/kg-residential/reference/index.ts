import type { Classifier } from '../../../forms/classifier';
import { sexClassifier } from '../../common/sex';
import { circumstanceClassifier, dischargeReasonClassifier } from '../eventClassifiers';
import { legalStatuses, placementReasons, placementTerms, referringBodies, relationKinds } from './childLists';
import { departments, institutionTypes, ownershipForms } from './institutionLists';
import { disabilityGroups, socialPayments } from './supportLists';
import { kgTerritories } from './territories';

/** Every reference list Pack 1's forms use. */
export const kgResidentialClassifiers: readonly Classifier[] = [
  kgTerritories,
  institutionTypes,
  ownershipForms,
  departments,
  legalStatuses,
  placementReasons,
  referringBodies,
  socialPayments,
  disabilityGroups,
  placementTerms,
  relationKinds,
  sexClassifier,
  circumstanceClassifier,
  dischargeReasonClassifier,
];
