import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { translatorFor } from '../../../shared/i18n/translator';
import { callAdminChannel, openAdminChannel, type AdminChannel } from '../../../src-server/admin/adminChannel';
import type { AdminContext } from '../../../src-server/admin/adminContext';
import { AdminError } from '../../../src-server/admin/adminError';
import type { Database, SqlRunner } from '../../../src-server/db/sql';
import { buildServerApp } from '../../../src-server/http/serverApp';
import { createStderrServerLogger, describeError } from '../../../src-server/log/serverLogger';
import { testServerSetup, type TestServerSetup } from '../../support/serverAdmin';

/*
 * Issue 13: a failure on the server is logged whole — its class, its code, a schema error's issue
 * codes and paths, every stack frame, its causes — and never what it may quote of the input: an
 * error's message is left out, a person's name or number in the request never reaches the log.
 */

const personal = 'Садыкова Айгерим';
const personalPin = '12003200812345';

/** What a database driver does: the refused value in the message, the SQLSTATE in `code`. */
class FakeDriverError extends Error {
  readonly code = '23514';
  constructor(value: string) {
    super(`new row violates check constraint\nDETAIL: Failing row contains (${value}).`);
    this.name = 'FakeDriverError';
  }
}

/** A database that fails every statement, quoting its first parameter as drivers do. */
const failingDb = (): Database => {
  const runner: SqlRunner = {
    query: (_text, params) => Promise.reject(new FakeDriverError(String(params?.[0] ?? ''))),
  };
  return { kind: 'pglite', ...runner, transaction: (fn) => fn(runner), close: () => Promise.resolve() };
};

const collect = () => {
  const lines: string[] = [];
  return { lines, log: createStderrServerLogger((line) => lines.push(line)) };
};

const frameCount = (line: string) => line.split(' | ').filter((part) => part.startsWith('at ')).length;

describe('describeError', () => {
  it('keeps the class, the code and every stack frame, and leaves the message out', () => {
    const error = new FakeDriverError(personal);
    const line = describeError(error);
    expect(line).toMatch(/^FakeDriverError 23514 \| at /);
    expect(frameCount(line)).toBe((error.stack ?? '').split('\n').filter((frame) => frame.trim().startsWith('at ')).length);
    expect(frameCount(line)).toBeGreaterThan(3); // not cut to the first few
    expect(line).toContain('serverLogging.test.ts');
    expect(line).not.toContain(personal);
    expect(line).not.toContain('DETAIL');
    expect(line).not.toContain('\n');
  });

  it('names a schema error’s issues by code and path, never by the value or its message', () => {
    const schema = z.object({ child: z.object({ pin: z.string().regex(/^\d{10}$/), name: z.number() }), notes: z.record(z.string(), z.number()) });
    let thrown: unknown = null;
    try {
      schema.parse({ child: { pin: personalPin, name: personal }, notes: { [personal]: 'x' } });
    } catch (error) {
      thrown = error;
    }
    const line = describeError(thrown);
    expect(line).toMatch(/^ZodError \| issues: /);
    expect(line).toContain('invalid_format at child.pin');
    expect(line).toContain('invalid_type at child.name');
    expect(line).toContain('invalid_type at notes.?'); // a key taken from the input is not named
    expect(line).toMatch(/ \| at /);
    expect(line).not.toContain(personal);
    expect(line).not.toContain(personalPin);
    expect(line).not.toContain('\n');
  });

  it('follows the causes, and names what is not an Error by its type only', () => {
    const line = describeError(new Error(`wrapping ${personal}`, { cause: new FakeDriverError(personalPin) }));
    expect(line).toMatch(/^Error \| at .* \|\| caused by FakeDriverError 23514 \| at /);
    expect(line).not.toContain(personal);
    expect(line).not.toContain(personalPin);
    expect(describeError(personal)).toBe('string');
    expect(describeError(null)).toBe('null');
  });
});

describe('a failure on the admin channel', () => {
  let setup: TestServerSetup;
  let channel: AdminChannel | null;
  const logged = collect();
  beforeAll(async () => {
    const db = failingDb();
    setup = testServerSetup(db);
    const context = (actor: string): AdminContext => ({ ...setup.admin, db, actor });
    channel = await openAdminChannel(setup.dataDir, context, logged.log);
  });
  afterAll(async () => {
    await channel?.close();
    setup.cleanup();
  });

  it('answers INTERNAL and logs the verb, the error’s class, code and frames — not the input', async () => {
    expect(channel).not.toBeNull();
    logged.lines.length = 0; // only this request's lines, whichever test ran before
    const refused = await callAdminChannel(setup.dataDir, 'user.list', { agency: personal }, 'operator-anna').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AdminError);
    expect((refused as AdminError).code).toBe('INTERNAL');
    expect(logged.lines).toHaveLength(1);
    const [line = ''] = logged.lines;
    expect(line).toMatch(/ ERROR admin channel: user\.list by operator-anna failed: FakeDriverError 23514 \| at /);
    expect(line).toContain('agencies.ts'); // where: findAgency, called by listUsers
    expect(line).toContain('users.ts');
    expect(frameCount(line)).toBeGreaterThan(3);
    expect(line).not.toContain(personal);
    expect(line).not.toContain('DETAIL');
  });

  it('logs a request it cannot read without quoting it', async () => {
    logged.lines.length = 0;
    const refused = await callAdminChannel(setup.dataDir, 'user.list', { agency: personal }, '').catch((error: unknown) => error);
    expect((refused as AdminError).code).toBe('INTERNAL');
    const [line = ''] = logged.lines;
    expect(line).toContain('admin channel: ? by ? failed: ZodError | issues: too_small at actor | at ');
    expect(line).not.toContain(personal);
  });
});

describe('a failure in an HTTP route', () => {
  it('answers INTERNAL and logs the route, the error’s class, code and frames — not the body', async () => {
    const setup = testServerSetup(failingDb());
    const logged = collect();
    try {
      const { app } = buildServerApp({ db: setup.admin.db, pki: setup.pki, t: translatorFor('en'), log: logged.log });
      app.post('/v1/test/forced-failure', async (request) => {
        const body = request.body as { name: string };
        await setup.admin.db.query('SELECT $1', [body.name]);
        return {};
      });
      const answer = await app.inject({
        method: 'POST',
        url: '/v1/test/forced-failure',
        headers: { 'content-type': 'application/json', 'x-bala-version': '999.0.0' },
        payload: JSON.stringify({ name: personal }),
      });
      await app.close();
      expect(answer.statusCode).toBe(500);
      expect(answer.body).not.toContain(personal);
      const line = logged.lines.find((entry) => entry.includes(' ERROR ')) ?? '';
      expect(line).toMatch(/ ERROR POST \/v1\/test\/forced-failure failed: FakeDriverError 23514 \| at /);
      expect(line).toContain('serverLogging.test.ts');
      expect(logged.lines.join('\n')).not.toContain(personal);
    } finally {
      setup.cleanup();
    }
  });
});
