import type { Classifier } from '../../../forms/classifier';
import { sexClassifier } from '../../common/sex';
import { relationKinds } from '../../kg-residential/reference/childLists';
import { socialPayments } from '../../kg-residential/reference/supportLists';
import { kgTerritories } from '../../kg-residential/reference/territories';
import { kgdActivityResults, kgdCircumstances, kgdClosureReasons } from './caseLists';
import { kgdInformationSources, kgdLegalStatuses, kgdNeeds, kgdReasons } from './childLists';

/**
 * Every reference list Pack 2's forms use. The Kyrgyz territories, sex, the relations and the two
 * social payments §17 names are the same lists as Pack 1's (one ministry, one classifier each).
 */
export const kgDifficultClassifiers: readonly Classifier[] = [
  kgTerritories,
  sexClassifier,
  relationKinds,
  socialPayments,
  kgdLegalStatuses,
  kgdReasons,
  kgdNeeds,
  kgdInformationSources,
  kgdCircumstances,
  kgdActivityResults,
  kgdClosureReasons,
];
