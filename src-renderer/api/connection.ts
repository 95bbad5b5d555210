import type { BalaClient } from '../../shared/api/client';
import { httpClient } from './httpClient';
import { ipcClient } from './ipcClient';

const TOKEN_KEY = 'bala.sessionToken';

/**
 * The transport for this page: Electron's bridge when present, else browser mode with the
 * token from the URL fragment (moved to sessionStorage and removed from the address bar).
 */
export function connect(): BalaClient | null {
  if (window.bala) return ipcClient(window.bala);
  const fromHash = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash)?.[1];
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? httpClient(token) : null;
}
