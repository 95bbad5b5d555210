import { migration001 } from './001_workstation';
import { migration002 } from './002_records';
import { migration003 } from './003_record_subjects';
import { migration004 } from './004_sync';
import { migration005 } from './005_report_facts';
import { migration006 } from './006_handover';
import { migration008 } from './008_operator_state';
import { migration007 } from './007_agencies';
import { migration009 } from './009_case_events';
import { migration010 } from './010_case_event_refusals';

/** Numbered migrations of the workstation cache, applied in order; never edit a shipped one. */
export const cacheMigrations: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: '001_workstation', sql: migration001 },
  { version: 2, name: '002_records', sql: migration002 },
  { version: 3, name: '003_record_subjects', sql: migration003 },
  { version: 4, name: '004_sync', sql: migration004 },
  { version: 5, name: '005_report_facts', sql: migration005 },
  { version: 6, name: '006_handover', sql: migration006 },
  { version: 7, name: '007_agencies', sql: migration007 },
  { version: 8, name: '008_operator_state', sql: migration008 },
  { version: 9, name: '009_case_events', sql: migration009 },
  { version: 10, name: '010_case_event_refusals', sql: migration010 },
];
