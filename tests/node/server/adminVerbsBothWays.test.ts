import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { printedContent } from '../../../shared/print/printedContent';
import { formatVerificationCode, shortHash } from '../../../shared/print/verificationCode';
import type { FormValues } from '../../../shared/forms/formTypes';
import type { SyncChange } from '../../../shared/sync/syncProtocol';
import { callAdminChannel } from '../../../src-server/admin/adminChannel';
import type { AdminContext } from '../../../src-server/admin/adminContext';
import { AdminError } from '../../../src-server/admin/adminError';
import { adminVerbs, type AdminVerb } from '../../../src-server/admin/adminVerbs';
import { BackupError } from '../../../src-server/admin/backup';
import { initServer } from '../../../src-server/admin/initServer';
import { openAdmin, osActor } from '../../../src-server/admin/openAdmin';
import { issueWorkstation } from '../../../src-server/admin/workstations';
import { runServerCli } from '../../../src-server/cli/main';
import { importHandover } from '../../../src-server/handover/importPackage';
import { seal } from '../../../src-server/handover/sealedFile';
import { jsonValue, run, serve, stopped } from '../../support/processes';
import { pupilForm, pupilFormId, samplePupil } from '../../support/pupilSamples';
import { openIssuedProfile } from '../../support/serverAdmin';
import { testKeyBits } from '../../support/serverPki';
import { tempDir } from '../../support/tempDir';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

/*
 * Issue 13: while `serve` holds the embedded database, the CLI's verbs go through the admin
 * channel (a Unix socket, JSON each way). Every verb must answer there exactly as it does on the
 * database directly. The same script of calls runs on two identical copies of one data folder:
 * in this process on the first (the CLI's direct path), through a real `serve` child on the second.
 */

/** Every leaf command of `bala-server`, and the verb it calls (null: it runs without the verb layer). */
const cliCommands: Record<string, AdminVerb | null> = {
  init: null, // makes the data folder: no database to share yet
  serve: null, // is the server
  restore: null, // refuses a folder in use (NOT_EMPTY): nothing to share
  'agency add': 'agency.add',
  'agency list': 'agency.list',
  'user add': 'user.add',
  'user list': 'user.list',
  'user reset-password': 'user.resetPassword',
  'user disable': 'user.disable',
  'user enable': 'user.enable',
  'workstation issue': 'workstation.issue',
  'workstation list': 'workstation.list',
  'workstation suspend': 'workstation.changeStatus',
  'workstation restrict': 'workstation.changeStatus',
  'workstation resume': 'workstation.changeStatus',
  'workstation revoke': 'workstation.changeStatus',
  'records list': 'records.list',
  'records show': 'records.show',
  verify: 'records.verifyCopy',
  import: 'handover.import',
  audit: 'audit.read',
  'audit verify': 'audit.verify',
  backup: 'backup.create',
};

/** What one run leaves for the next calls of the same run (ids the server made up). */
interface RunState {
  /** A folder of this run's own, for files the verbs write (receipts, backups). */
  files: string;
  issuedWorkstation: string | null;
}

interface Step {
  verb: AdminVerb;
  /** undefined: called without input, as `agency list` and `workstation list` are. */
  input: (state: RunState) => unknown;
  after?: (value: unknown, state: RunState) => void;
}

interface Seed {
  recordId: string;
  verificationCode: string;
  packageFile: string;
  backupKeyPem: string;
  /** The workstation issued while seeding (the same in both copies). */
  seededWorkstation: string;
}

const agencyInput = { id: 'talas', name: 'Талас облустук балдар үйү', kind: 'childrens_home', country: 'KG', territory: '41707', tin: '07654321098765', department: 'education' };

function script(seed: Seed): Step[] {
  return [
    { verb: 'agency.add', input: () => agencyInput },
    { verb: 'agency.add', input: () => agencyInput }, // AGENCY_EXISTS
    { verb: 'agency.add', input: () => ({ ...agencyInput, id: 'X', tin: 'none' }) }, // INVALID_INPUT, field by field
    { verb: 'agency.list', input: () => undefined },
    { verb: 'user.add', input: () => ({ username: 'dinara', agency: 'talas', role: 'data_holder', validDays: 60, displayName: 'Динара Асанова' }) },
    { verb: 'user.add', input: () => ({ username: 'nobody', agency: 'nowhere', role: 'data_holder', validDays: 60 }) }, // AGENCY_NOT_FOUND
    { verb: 'user.list', input: () => undefined },
    { verb: 'user.list', input: () => ({ agency: 'talas' }) },
    { verb: 'user.resetPassword', input: () => ({ username: 'dinara' }) },
    { verb: 'user.disable', input: () => ({ username: 'dinara', reason: 'on leave' }) },
    { verb: 'user.enable', input: () => ({ username: 'dinara' }) },
    { verb: 'user.enable', input: () => ({ username: 'ghost' }) }, // USER_NOT_FOUND
    {
      verb: 'workstation.issue',
      input: () => ({ agency: 'talas', users: ['dinara'], name: 'Talas laptop', profileDays: 7 }),
      after: (value, state) => {
        state.issuedWorkstation = (value as { workstation: { id: string } }).workstation.id;
      },
    },
    { verb: 'workstation.list', input: () => undefined },
    { verb: 'workstation.changeStatus', input: (state) => ({ id: state.issuedWorkstation, change: 'suspend', reason: 'laptop lost' }) },
    { verb: 'workstation.changeStatus', input: () => ({ id: 'ws-ffffffffff', change: 'revoke', reason: 'unknown' }) }, // WORKSTATION_NOT_FOUND
    { verb: 'records.list', input: () => ({ limit: 10 }) },
    { verb: 'records.list', input: () => undefined }, // refused alike: the CLI always sends its options
    { verb: 'records.show', input: () => ({ id: seed.recordId }) },
    { verb: 'records.show', input: () => ({ id: '00000000-0000-4000-8000-000000000000' }) }, // RECORD_NOT_FOUND
    { verb: 'records.verifyCopy', input: () => ({ code: seed.verificationCode }) },
    { verb: 'records.verifyCopy', input: () => ({ code: 'not a code' }) },
    { verb: 'handover.import', input: (state) => ({ packageFile: seed.packageFile, receiptFile: path.join(state.files, 'receipt.balareceipt') }) },
    { verb: 'handover.import', input: (state) => ({ packageFile: seed.packageFile, receiptFile: path.join(state.files, 'receipt.balareceipt') }) }, // HANDOVER_RECEIPT_EXISTS
    { verb: 'audit.read', input: () => ({ limit: 30 }) },
    { verb: 'audit.verify', input: () => ({ anchor: null }) },
    { verb: 'audit.verify', input: () => undefined },
    { verb: 'backup.create', input: (state) => ({ out: path.join(state.files, 'registry.balabackup'), publicKeyPem: seed.backupKeyPem }) },
    { verb: 'backup.create', input: (state) => ({ out: path.join(state.files, 'registry.balabackup'), publicKeyPem: seed.backupKeyPem }) }, // BackupError FILE_EXISTS
  ];
}

type Answer = { ok: true; value: unknown } | { ok: false; error: { kind: string; code: string; params: Record<string, string>; issues: unknown[] } };

async function answerOf(call: () => Promise<unknown>): Promise<Answer> {
  try {
    // Through JSON as the CLI prints it with --json: the direct answer is what a script reads.
    return { ok: true, value: (JSON.parse(JSON.stringify({ value: await call() })) as { value?: unknown }).value };
  } catch (error) {
    if (error instanceof AdminError) return { ok: false, error: { kind: 'AdminError', code: error.code, params: error.params, issues: JSON.parse(JSON.stringify(error.issues)) as unknown[] } };
    if (error instanceof BackupError) return { ok: false, error: { kind: 'BackupError', code: error.code, params: error.params, issues: [] } };
    throw error;
  }
}

/** Values that necessarily differ between two runs: made-up ids, secrets, clocks, the run's own folder. */
const differing = new Set(['password', 'activationCode', 'profileBase64', 'certSerial', 'certFingerprint', 'profileId', 'hash', 'bytes']);
function normalised(value: unknown, files: string, key = ''): unknown {
  if (differing.has(key) && value !== null) return `<${key}>`;
  if (typeof value === 'string') {
    return value
      .split(files)
      .join('<files>')
      .replace(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/, '<time>')
      .replace(/\bws-[0-9a-f]{10}\b/g, (id) => (id === seededWorkstationId ? id : '<ws>'));
  }
  if (Array.isArray(value)) return value.map((item) => normalised(item, files));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, normalised(item, files, name)]));
  return value;
}
let seededWorkstationId = '';

const temp = tempDir('bala-both-ways-');
afterAll(() => temp.cleanup());

describe('every admin verb answers the same through the running server’s channel as on the database directly', () => {
  const seedDir = path.join(temp.dir, 'seed');
  const directDir = path.join(temp.dir, 'direct');
  const channelDir = path.join(temp.dir, 'channel');
  let seed: Seed;

  beforeAll(async () => {
    await initServer({ dataDir: seedDir, serverUrl: 'https://localhost:42443', keyBits: testKeyBits, actor: osActor(), now: new Date() });
    const admin = await openAdmin({ dataDir: seedDir });
    try {
      seed = await seedRegistry(admin, temp.dir);
    } finally {
      await admin.db.close();
    }
    seededWorkstationId = seed.seededWorkstation;
    fs.cpSync(seedDir, directDir, { recursive: true });
    fs.cpSync(seedDir, channelDir, { recursive: true });
  });

  it('knows every verb and every command of the CLI', async () => {
    const commands = await cliLeafCommands();
    expect(commands.sort(), 'a new command: add it to cliCommands and to the script').toEqual(Object.keys(cliCommands).sort());
    const offered = new Set(Object.values(cliCommands).filter((verb): verb is AdminVerb => verb !== null));
    expect([...offered].sort(), 'a verb no command calls, or a command calling no verb').toEqual(Object.keys(adminVerbs).sort());
    const scripted = new Set(script({ recordId: '', verificationCode: '', packageFile: '', backupKeyPem: '', seededWorkstation: '' }).map((step) => step.verb));
    expect([...scripted].sort(), 'a verb the script does not call').toEqual(Object.keys(adminVerbs).sort());
  });

  it('runs the same script directly and through `serve`, with the same answers; the CLI lists agencies and workstations while serving', async () => {
    const steps = script(seed);
    const directFiles = fs.mkdtempSync(path.join(temp.dir, 'files-direct-'));
    const channelFiles = fs.mkdtempSync(path.join(temp.dir, 'files-channel-'));

    const direct: Answer[] = [];
    const admin: AdminContext = await openAdmin({ dataDir: directDir, actor: osActor() });
    try {
      const state: RunState = { files: directFiles, issuedWorkstation: null };
      for (const step of steps) {
        const answer = await answerOf(() => adminVerbs[step.verb](admin, step.input(state)));
        if (answer.ok) step.after?.(answer.value, state);
        direct.push(answer);
      }
    } finally {
      await admin.db.close();
    }

    let stderr = '';
    const { child: server } = await serve(channelDir);
    server.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const channel: Answer[] = [];
    let cliAgencies: unknown;
    let cliWorkstations: unknown;
    try {
      const state: RunState = { files: channelFiles, issuedWorkstation: null };
      for (const step of steps) {
        const answer = await answerOf(() => callAdminChannel(channelDir, step.verb, step.input(state), osActor()));
        if (answer.ok) step.after?.(answer.value, state);
        channel.push(answer);
      }
      steps.forEach((step, i) => {
        expect(normalised(channel[i], channelFiles), `step ${i}: ${step.verb}`).toEqual(normalised(direct[i], directFiles));
      });
      // The README's walk-through: the real CLI, as a process, while `serve` runs.
      const [agencies, workstations] = await Promise.all([run('bala-server', ['--data', channelDir, '--json', 'agency', 'list']), run('bala-server', ['--data', channelDir, 'workstation', 'list'])]);
      expect(agencies.code, agencies.err).toBe(0);
      expect(workstations.code, workstations.err).toBe(0);
      cliAgencies = jsonValue(agencies);
      cliWorkstations = workstations.out;
    } finally {
      await stopped(server);
    }

    // The script reaches both answers and refusals of every kind.
    expect(direct.filter((answer) => answer.ok).length).toBeGreaterThan(15);
    expect(new Set(direct.flatMap((answer) => (answer.ok ? [] : [answer.error.code])))).toEqual(
      new Set(['AGENCY_EXISTS', 'INVALID_INPUT', 'AGENCY_NOT_FOUND', 'USER_NOT_FOUND', 'WORKSTATION_NOT_FOUND', 'RECORD_NOT_FOUND', 'HANDOVER_RECEIPT_EXISTS', 'FILE_EXISTS']),
    );
    const agencyList = direct[steps.findIndex((step) => step.verb === 'agency.list')];
    expect(normalised(cliAgencies, channelFiles)).toEqual(normalised(agencyList?.ok ? agencyList.value : null, directFiles));
    expect(cliWorkstations).toContain(seed.seededWorkstation);
    expect(cliWorkstations).toContain('talas');
    expect(stderr).not.toContain('ERROR');
  });
});

/** The leaf commands `bala-server --help` lists, group by group. */
async function cliLeafCommands(): Promise<string[]> {
  const help = async (argv: string[]) => {
    const out: string[] = [];
    await runServerCli([...argv, '--help'], { io: { out: (text) => out.push(text), err: () => undefined }, env: { LANG: 'en_GB.UTF-8' } });
    const text = out.join('\n');
    const section = text.slice(text.indexOf('Commands:') + 'Commands:'.length).split(/\n\s*\n/)[0] ?? '';
    return section
      .split('\n')
      .map((line) => /^ {2}(\S+)/.exec(line)?.[1])
      .filter((name): name is string => name !== undefined && name !== 'help');
  };
  const leaves: string[] = [];
  for (const top of await help([])) {
    const subs = await help([top]);
    if (top === 'audit') leaves.push('audit'); // a verb of its own, and a group (audit verify)
    if (subs.length === 0) leaves.push(top);
    else leaves.push(...subs.map((sub) => `${top} ${sub}`));
  }
  return leaves;
}

/** A registry with an agency, operators, a workstation, a record it handed over, and its next package. */
async function seedRegistry(admin: AdminContext, dir: string): Promise<Seed> {
  const call = <V extends AdminVerb>(verb: V, input?: unknown) => adminVerbs[verb](admin, input);
  await call('agency.add', { id: 'osh', name: 'Ош шаардык балдар үйү', kind: 'childrens_home', country: 'KG', territory: '41721', tin: '01234567890123' });
  await call('user.add', { username: 'aigul', agency: 'osh', role: 'data_holder', validDays: 30 });
  const issued = await issueWorkstation(admin, { agency: 'osh', users: ['aigul'], name: 'Osh desktop' });
  const { body, secret } = await openIssuedProfile(issued.profile, issued.activationCode);
  const keys = { recipientCertPem: body.server.certPem, signerKeyPem: secret.clientKeyPem, signerCertPem: secret.clientCertPem };
  const { form } = pupilForm();
  const change = (i: number): SyncChange => {
    const values = samplePupil(i);
    const sections: SyncChange['sections'] = {};
    for (const section of form.sections) sections[section.id] = Object.fromEntries(section.fields.filter((field) => field.id in values).map((field) => [field.id, values[field.id]]));
    return { changeId: crypto.randomUUID(), recordId: crypto.randomUUID(), formId: pupilFormId, formVersion: form.version, subjectId: null, baseRevision: 0, sections, author: 'aigul', at: new Date().toISOString(), reason: null, blobs: [] };
  };
  const handover = (sequence: number, changes: SyncChange[]) => {
    const packageId = crypto.randomUUID();
    const facts = { format: 'bala-handover' as const, version: 1 as const, packageId, workstationId: issued.workstation.id, sequence, createdAt: new Date().toISOString(), counts: { changes: changes.length } };
    const file = path.join(dir, `package-${sequence}.balahandover`);
    fs.writeFileSync(file, seal(facts, { packageId, workstationId: issued.workstation.id, pendingCount: changes.length, changes }, keys));
    return file;
  };
  const first = change(1);
  const imported = await importHandover(admin, { packageFile: handover(1, [first]), receiptFile: path.join(dir, 'receipt-1.balareceipt') });
  if (imported.accepted !== 1) throw new Error(`the seed record was not accepted: ${JSON.stringify(imported)}`);
  const { rows } = await admin.db.query<{ values: FormValues }>('SELECT values FROM record_revisions WHERE record_id = $1 AND revision = 1', [first.recordId]);
  const hash = shortHash(crypto.createHash('sha256').update(printedContent(form, first.recordId, rows[0]?.values ?? {})).digest('hex'));
  const { publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    recordId: first.recordId,
    verificationCode: formatVerificationCode({ recordId: first.recordId, revision: 1, hash }),
    packageFile: handover(2, [change(2), change(3)]),
    backupKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    seededWorkstation: issued.workstation.id,
  };
}
