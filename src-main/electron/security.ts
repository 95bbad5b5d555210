import type { Session, WebContents } from 'electron';
import { appScheme } from './appProtocol';

/**
 * Session-wide rules: no permission is ever granted (camera, geolocation, notifications…), and
 * the page cannot reach the network — it talks to the backend only over IPC.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );
}

/**
 * Rules for every web contents the app creates: it never navigates away from the app page,
 * never opens windows, never attaches a <webview>. Links the operator may follow (the help
 * site) open in the system browser only if they are https and on the allow-list.
 */
export function hardenContents(
  contents: WebContents,
  openExternal: (url: string) => void,
  externalHosts: readonly string[] = [],
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url, externalHosts)) openExternal(url);
    return { action: 'deny' };
  });
}

const isAppUrl = (url: string): boolean => url.startsWith(`${appScheme}://`);

export function isAllowedExternal(url: string, hosts: readonly string[]): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && hosts.includes(parsed.hostname);
  } catch {
    return false;
  }
}
