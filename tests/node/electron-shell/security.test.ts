import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { hardenContents, hardenSession, isAllowedExternal } from '../../../src-main/electron/security';

function fakeSession() {
  const calls: { request?: (c: unknown, p: string, cb: (granted: boolean) => void) => void; check?: () => boolean; beforeRequest?: { filter: { urls: string[] }; listener: (d: unknown, cb: (r: { cancel: boolean }) => void) => void } } = {};
  const session = {
    setPermissionRequestHandler: (handler: typeof calls.request) => (calls.request = handler),
    setPermissionCheckHandler: (handler: typeof calls.check) => (calls.check = handler),
    webRequest: {
      onBeforeRequest: (filter: { urls: string[] }, listener: NonNullable<typeof calls.beforeRequest>['listener']) =>
        (calls.beforeRequest = { filter, listener }),
    },
  } as unknown as Session;
  return { session, calls };
}

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
  }) as unknown as WebContents;
  const fire = (name: string, url?: string) => {
    const event = { preventDefault: vi.fn() };
    emitter.emit(name, event, url);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('session hardening', () => {
  it('grants no permission and lets the page reach no network', () => {
    const { session, calls } = fakeSession();
    hardenSession(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      calls.request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(calls.check?.()).toBe(false);
    expect(calls.beforeRequest?.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    const callback = vi.fn();
    calls.beforeRequest?.listener({ url: 'https://example.org/' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });
});

describe('web contents hardening', () => {
  it('stays on the application page: other navigation and redirects are prevented', () => {
    const { contents, fire } = fakeContents();
    hardenContents(contents, vi.fn());
    expect(fire('will-navigate', 'https://example.org/phish')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(fire('will-navigate', 'bala://app/index.html')).toBe(false);
  });

  it('attaches no <webview>', () => {
    const { contents, fire } = fakeContents();
    hardenContents(contents, vi.fn());
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('opens no window; only allow-listed https links go to the system browser', () => {
    const { contents, open } = fakeContents();
    const openExternal = vi.fn();
    hardenContents(contents, openExternal, ['help.bala.example']);
    expect(open('https://help.bala.example/ky/guide')).toEqual({ action: 'deny' });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('http://help.bala.example/')).toEqual({ action: 'deny' });
    expect(open('bala://app/index.html')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://help.bala.example/ky/guide']]);
  });

  it('accepts only https on a listed host as external', () => {
    expect(isAllowedExternal('https://a.example/x', ['a.example'])).toBe(true);
    expect(isAllowedExternal('https://a.example.evil/x', ['a.example'])).toBe(false);
    expect(isAllowedExternal('javascript:alert(1)', ['a.example'])).toBe(false);
    expect(isAllowedExternal('not a url', ['a.example'])).toBe(false);
  });
});
