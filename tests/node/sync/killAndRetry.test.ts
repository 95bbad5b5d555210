import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pupilFormId } from '../../support/pupilSamples';
import { jsonValue, run, serve, start, stopped, type Run } from '../../support/processes';
import { describeStorages } from '../../support/serverStorage';
import { tempDir } from '../../support/tempDir';

/*
 * Exactly once, whatever dies: the workstation process killed at random points during a push of
 * 5,000 changes, and the server killed mid-batch, each followed by a restart and another sync.
 * Real processes: `bala-server serve`, `bala sync`, SIGKILL.
 *
 * The random delays are on purpose (chaos): each run kills at another point of the push. The
 * tests share one server but not an order: each counts what it delivers from what it found.
 */
const changes = 5_000;
const fixture = path.join(import.meta.dirname, 'fixtures', 'seedPupils.ts');
const randomDelay = (min: number, max: number) => min + Math.floor(Math.random() * (max - min));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeStorages('sync survives processes killed mid-push', (storage) => {
  const temp = tempDir('bala-kill-');
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of children) await stopped(child, 'SIGKILL');
    temp.cleanup();
  });

  let serverDir = '';
  /** 0 on the first start (the OS chooses); a restart reuses the port that start reported. */
  let port = 0;
  let serverUrl = '';
  let env: Record<string, string> = {};
  let server: ChildProcess | null = null;
  const startServer = async () => {
    const serving = await serve(serverDir, { port, env });
    server = serving.child;
    port = serving.port;
    serverUrl = serving.url;
    children.push(server);
  };
  const admin = async <T>(...args: string[]): Promise<T> => {
    const result = await run('bala-server', ['--data', serverDir, '--json', ...args], env);
    if (result.code !== 0) throw new Error(`${args.join(' ')}: ${result.err}`);
    return jsonValue<T>(result);
  };

  /** A workstation activated, its password changed, and COUNT pupils saved offline-style into its outbox. */
  const seededWorkstation = async (name: string, first: number) => {
    const username = `op-${name}`;
    const dataDir = path.join(temp.dir, `ws-${storage.kind}-${name}`);
    const profile = path.join(temp.dir, `${storage.kind}-${name}.balaprofile`);
    const user = await admin<{ password: string }>('user', 'add', '--username', username, '--agency', 'kill-home', '--role', 'data_holder', '--valid-days', '30', '--name', 'Оператор');
    const issued = await admin<{ activationCode: string }>('workstation', 'issue', '--agency', 'kill-home', '--users', username, '--out', profile, '--name', name, '--server-url', serverUrl);
    const bala = (args: string[], extra: Record<string, string>) => run('bala', ['--data', dataDir, ...args], extra);
    expect((await bala(['activate', '--profile', profile], { BALA_ACTIVATION_CODE: issued.activationCode })).code).toBe(0);
    const password = `Kill-Test-${name}-2026`;
    expect((await bala(['passwd'], { BALA_USER: username, BALA_PASSWORD: user.password, BALA_NEW_PASSWORD: password })).code).toBe(0);
    const seeded = await start({ fixture }, [dataDir, username, password, String(first), String(changes)]).done;
    expect(seeded.code, seeded.err).toBe(0);
    const credentials = { BALA_USER: username, BALA_PASSWORD: password };
    return { sync: () => start({ bin: 'bala' }, ['--data', dataDir, '--json', 'sync'], credentials), credentials };
  };

  const delivered = async () => (await admin<unknown[]>('records', 'list', '--form', pupilFormId, '--limit', '10000')).length;

  /** The registry holds each of the workstation's changes exactly once: every record, revision 1. */
  const expectExactlyOnce = async (expected: number) => {
    const records = await admin<{ revision: number; formId: string }[]>('records', 'list', '--form', pupilFormId, '--limit', '10000');
    expect(records).toHaveLength(expected);
    expect(records.filter((record) => record.revision !== 1)).toEqual([]);
  };

  const syncToTheEnd = async (sync: () => { done: Promise<Run> }) => {
    const final = await sync().done;
    expect(final.code, final.err).toBe(0);
    expect(JSON.parse(final.out)).toMatchObject({ ok: true, value: { pending: 0, conflicts: 0, rejected: 0 } });
  };

  beforeAll(async () => {
    serverDir = path.join(temp.dir, `server-${storage.kind}`);
    const pgUrl = await storage.freshPgUrl();
    env = pgUrl ? { BALA_PG_URL: pgUrl } : {};
    // The profiles carry the address the server reports (`workstation issue --server-url`).
    expect((await run('bala-server', ['--data', serverDir, 'init', '--key-bits', '2048', '--url', 'https://localhost'], env)).code).toBe(0);
    await startServer();
    await admin('agency', 'add', '--name', 'Кара-Балта балдар үйү', '--kind', 'childrens_home', '--country', 'KG', '--territory', '41708', '--tin', `0${String(Date.now()).slice(-13)}`, '--id', 'kill-home');
  }, 120_000);

  it(`delivers ${changes} changes exactly once although the workstation is killed three times mid-push`, async () => {
    const workstation = await seededWorkstation('a', 0);
    const found = await delivered();
    const afterKills: number[] = [];
    for (let kill = 0; kill < 3; kill += 1) {
      const sync = workstation.sync();
      // Kill once the server has received more than before: mid-push, at a random moment.
      const before = afterKills.at(-1) ?? found;
      while ((await delivered()) <= before) await sleep(200);
      await sleep(randomDelay(0, 800));
      sync.child.kill('SIGKILL');
      await sync.done;
      afterKills.push(await delivered());
    }
    expect(afterKills.some((count) => count > found && count < found + changes), `delivered after each kill: ${afterKills.join(', ')}`).toBe(true);
    await syncToTheEnd(workstation.sync);
    await expectExactlyOnce(found + changes);
  }, 600_000);

  it(`delivers ${changes} more exactly once although the server is killed mid-batch`, async () => {
    const workstation = await seededWorkstation('b', changes);
    const found = await delivered();
    const sync = workstation.sync();
    while ((await delivered()) <= found) await sleep(200);
    await sleep(randomDelay(0, 800));
    await stopped(server as ChildProcess, 'SIGKILL');
    const cut = await sync.done;
    expect(cut.code).toBe(1); // it says it could not deliver, and keeps the rest
    await startServer();
    await syncToTheEnd(workstation.sync);
    await expectExactlyOnce(found + changes);
  }, 600_000);
});
