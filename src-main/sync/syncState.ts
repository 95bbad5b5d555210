import type { CacheDatabase } from '../store/cacheDatabase';

type SyncKey = 'pullCursor' | 'lastSuccessAt' | 'lastAttemptAt';

/** Small facts about sync kept in the cache: the pull cursor moves in the transaction that stores the page. */
export const syncState = {
  get(db: CacheDatabase, key: SyncKey): string | null {
    const row = db.prepare('SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  },
  set(db: CacheDatabase, key: SyncKey, value: string): void {
    db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  },
};
