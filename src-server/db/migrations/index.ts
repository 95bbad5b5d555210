import { initialSchema } from './001_initial';
import type { Migration } from './migration';
import { syncSchema } from './002_sync';
import { handoverSchema } from './003_handover';
import { agencyDepartment } from './004_agency_department';
import { operatorSessions } from './005_operator_sessions';
import { auditChain } from './006_audit_chain';
import { caseEvents } from './007_case_events';

/** Every migration, oldest first; one list for PGlite and PostgreSQL. Append, never edit. */
export const migrations: readonly Migration[] = [initialSchema, syncSchema, handoverSchema, agencyDepartment, operatorSessions, auditChain, caseEvents];
