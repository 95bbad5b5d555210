import { initialSchema } from './001_initial';
import type { Migration } from './migration';
import { syncSchema } from './002_sync';

/** Every migration, oldest first; one list for PGlite and PostgreSQL. Append, never edit. */
export const migrations: readonly Migration[] = [initialSchema, syncSchema];
