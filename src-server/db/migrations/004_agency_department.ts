import type { Migration } from './migration';

/**
 * An agency's departmental affiliation (Pack 1 §5–6, §14: education, health, social protection…),
 * so that a ministry's departmental reader receives its own institutions and no others.
 */
export const agencyDepartment: Migration = {
  version: 4,
  name: 'agency_department',
  statements: [`ALTER TABLE agencies ADD COLUMN department text CHECK (department ~ '^[A-Za-z][A-Za-z0-9_]{1,39}$')`],
};
