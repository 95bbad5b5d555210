import { initialSchema } from './001_initial';
import type { Migration } from './migration';

/** Every migration, oldest first; one list for PGlite and PostgreSQL. Append, never edit. */
export const migrations: readonly Migration[] = [initialSchema];
