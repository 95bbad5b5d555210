import { dataLayout } from '../config/dataLayout';
import { migrate } from './migrate';
import type { Database } from './sql';
import { acquireStorageLock } from './storageLock';

export interface StorageOptions {
  dataDir: string;
  /** A PostgreSQL URL; without it the embedded PGlite database in `<data>/db`. */
  pgUrl?: string | undefined;
  pgSchema?: string | undefined;
}

/** Opens the server's database and brings its schema up to date. */
export async function openStorage(options: StorageOptions): Promise<Database> {
  // Each driver loads only when it is the one used: an admin verb that goes through a serving
  // server's channel starts with neither.
  if (options.pgUrl) {
    const { openPostgresDatabase } = await import('./postgresDatabase');
    const db = await openPostgresDatabase({ url: options.pgUrl, ...(options.pgSchema ? { schema: options.pgSchema } : {}) });
    return migrated(db);
  }
  const layout = dataLayout(options.dataDir);
  const release = acquireStorageLock(layout.dbLock);
  try {
    const { openPgliteDatabase } = await import('./pgliteDatabase');
    const db = await openPgliteDatabase(layout.db);
    return await migrated({
      ...db,
      close: async () => {
        try {
          await db.close();
        } finally {
          release();
        }
      },
    });
  } catch (error) {
    release();
    throw error;
  }
}

async function migrated(db: Database): Promise<Database> {
  try {
    await migrate(db);
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}
