import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src-main/api/dispatcher';
import { handlers } from '../../../src-main/api/handlerMap';
import type { Handlers } from '../../../src-main/api/handlers';
import { createBackend } from '../../../src-main/backend';
import { inProcessClient } from '../../../src-main/transport/inProcessClient';
import { tempDir } from '../../support/tempDir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function backendIn(locales: string[] = ['en-US']) {
  const temp = tempDir();
  cleanups.push(temp.cleanup);
  return createBackend({ dataDir: temp.dir, mode: 'test', locales });
}

describe('dispatcher (in-process transport)', () => {
  it('answers app.info with the language in force', async () => {
    const client = inProcessClient(backendIn(['kk_KZ.UTF-8']));
    const result = await client.call('app.info');
    expect(result).toMatchObject({ ok: true, value: { name: 'Bala', mode: 'test', systemLanguage: 'kk', language: 'kk', languageChosen: false } });
  });

  it('falls back to Kyrgyz when the system language is none of the five', async () => {
    const result = await inProcessClient(backendIn(['de_DE.UTF-8'])).call('app.info');
    expect(result.ok && result.value.language).toBe('ky');
  });

  it('refuses invalid input field by field, in the language in force', async () => {
    const client = inProcessClient(backendIn(['ru-RU']));
    const result = await client.call('settings.update', { language: 'xx' as 'ru', idleLockMinutes: 0 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toMatch(/неверны/);
    expect(result.error.fields?.map((field) => field.path).sort()).toEqual(['idleLockMinutes', 'language']);
  });

  it('refuses an empty settings patch and unknown fields', async () => {
    const backend = backendIn();
    const empty = await backend.call('settings.update', {});
    expect(!empty.ok && empty.error.fields?.[0]?.code).toBe('empty_patch');
    const unknown = await backend.call('settings.update', { colour: 'red' });
    expect(!unknown.ok && unknown.error.fields?.[0]?.code).toBe('unrecognized_keys');
  });

  it('refuses an unknown operation, and inputs of the wrong shape, without throwing', async () => {
    const backend = backendIn();
    for (const [name, input] of [
      ['records.drop', {}],
      ['__proto__', {}],
      ['app.info', 'text'],
      ['app.info', { extra: true }],
      ['settings.update', null],
      ['settings.update', [1, 2]],
    ] as const) {
      const result = await backend.call(name, input);
      expect(result.ok, `${name} ${JSON.stringify(input)}`).toBe(false);
    }
    expect((await backend.call('records.drop', {})).ok === false && (await backend.call('records.drop', {}))).toMatchObject({
      error: { code: 'UNKNOWN_OPERATION' },
    });
  });

  it('turns a handler crash into INTERNAL, logs no input, and keeps serving', async () => {
    const backend = backendIn();
    const logged: string[] = [];
    const crashing: Handlers = {
      ...handlers,
      'settings.get': () => {
        throw new Error('secret pupil name Айгүл');
      },
    };
    const call = createDispatcher(crashing, backend.ctx, {
      internalError: (operation, error) => logged.push(`${operation} ${error instanceof Error ? error.name : ''}`),
    });
    const result = await call('settings.get', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logged).toEqual(['settings.get Error']);
    expect((await call('app.info', undefined)).ok).toBe(true);
  });

  it('persists settings and announces the change as an event', async () => {
    const backend = backendIn();
    const seen: unknown[] = [];
    backend.events.subscribe((event) => seen.push(event));
    const result = await backend.call('settings.update', { language: 'az' });
    expect(result).toMatchObject({ ok: true, value: { language: 'az' } });
    expect(seen).toEqual([{ name: 'settings.changed', payload: { language: 'az', idleLockMinutes: 10 } }]);
    const reopened = createBackend({ dataDir: backend.ctx.dataDir, mode: 'test', locales: ['en'] });
    expect(await reopened.call('app.info', undefined)).toMatchObject({ ok: true, value: { language: 'az', languageChosen: true } });
  });
});
