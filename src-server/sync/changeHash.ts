import crypto from 'node:crypto';
import type { SyncChange } from '../../shared/sync/syncProtocol';

/** JSON with keys sorted at every level: the same change always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** What makes a change the same change on a retry: everything but the photo bytes (named by their hash). */
export function changeHash(change: SyncChange): string {
  const { blobs, ...rest } = change;
  const named = { ...rest, blobs: blobs.map((blob) => blob.sha256).sort() };
  return crypto.createHash('sha256').update(canonicalJson(named)).digest('hex');
}
