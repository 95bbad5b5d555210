import type { PackReports } from '../../../reports/reportTypes';
import { kgDifficultStatistics } from './statistics';

/** Pack 2's reports (§22); counts of children below 5 are suppressed when published anonymised, as in Pack 1. */
export const kgDifficultReports: PackReports = {
  reports: [kgDifficultStatistics],
  suppressBelow: 5,
};
