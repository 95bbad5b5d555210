import crypto from 'node:crypto';
import type { ProfileOperator } from '../../shared/profile/profileFormat';
import type { WorkstationStatus } from '../../shared/serverApi/serverApi';
import { certificateFacts, issueWorkstationCertificate, newKeyPair } from '../pki/certificates';
import { writeProfile } from '../profile/profileWriter';
import { accountOf, statementOf } from '../security/accountStatements';
import { newActivationCode } from '../security/generatedSecrets';
import type { AdminContext } from './adminContext';
import { AdminError, parseInput } from './adminError';
import { changeWorkstationInput, issueWorkstationInput, type WorkstationStatusChange } from './adminInputs';
import { findAgency } from './agencies';
import { appendAudit } from './auditLog';
import { userColumns, type UserRow } from './users';

export type WorkstationState = WorkstationStatus['status'];

export interface WorkstationView {
  id: string;
  name: string;
  agencyId: string;
  status: WorkstationState;
  reason: string | null;
  statusChangedAt: string;
  users: string[];
  certSerial: string;
  certFingerprint: string;
  certExpiresAt: string;
  profileId: string;
  profileExpiresAt: string;
  issuedAt: string;
  /** Sync: when it last reached the server, how many changes it said were waiting, refusals so far. */
  lastContactAt: string | null;
  pendingCount: number;
  refusalCount: number;
  lastRefusal: string | null;
}

export interface WorkstationRow {
  id: string;
  name: string;
  agency_id: string;
  status: WorkstationState;
  reason: string | null;
  status_changed_at: Date;
  cert_serial: string;
  cert_fingerprint: string;
  cert_expires_at: Date;
  profile_id: string;
  profile_expires_at: Date;
  issued_at: Date;
  users: string[] | null;
  last_contact_at: Date | null;
  pending_count: number;
  refusal_count: number;
  last_refusal: string | null;
}

const iso = (date: Date) => new Date(date).toISOString();

const view = (row: WorkstationRow): WorkstationView => ({
  id: row.id,
  name: row.name,
  agencyId: row.agency_id,
  status: row.status,
  reason: row.reason,
  statusChangedAt: iso(row.status_changed_at),
  users: [...(row.users ?? [])].sort(),
  certSerial: row.cert_serial,
  certFingerprint: row.cert_fingerprint,
  certExpiresAt: iso(row.cert_expires_at),
  profileId: row.profile_id,
  profileExpiresAt: iso(row.profile_expires_at),
  issuedAt: iso(row.issued_at),
  lastContactAt: row.last_contact_at ? iso(row.last_contact_at) : null,
  pendingCount: row.pending_count,
  refusalCount: row.refusal_count,
  lastRefusal: row.last_refusal,
});

const selectWorkstations = `
  SELECT w.*, (SELECT array_agg(u.username ORDER BY u.username) FROM workstation_users u WHERE u.workstation_id = w.id) AS users
  FROM workstations w`;

/** What `workstation issue` hands back: the profile file's bytes and, separately, its activation code. */
export interface IssuedWorkstation {
  workstation: WorkstationView;
  activationCode: string;
  profile: Buffer;
}

const day = 86_400_000;
const newWorkstationId = () => `ws-${crypto.randomBytes(5).toString('hex')}`;

/**
 * `workstation issue`: a key pair and certificate for a new workstation of an agency, and its
 * connection profile naming the operators allowed on it: the public halves of their account keys
 * and the server's signed statement of each account, never a password hash (docs/security.md).
 * An account made before account keys has none to give: the administrator resets its password.
 */
export async function issueWorkstation(
  ctx: AdminContext,
  input: unknown,
  /** Hands the profile over (writes the file) before the issue is committed: if that fails, nothing was issued. */
  deliver: (issued: IssuedWorkstation) => Promise<void> = () => Promise.resolve(),
): Promise<IssuedWorkstation> {
  const request = parseInput(issueWorkstationInput, input);
  const now = ctx.now();
  const id = newWorkstationId();
  const ca = ctx.ca();
  const key = newKeyPair(ctx.config.keyBits);
  const clientCertPem = issueWorkstationCertificate(ca, key.publicKeyPem, id, now, request.certDays);
  const cert = certificateFacts(clientCertPem);
  const activationCode = newActivationCode();
  const profileId = crypto.randomUUID();
  const profileExpiresAt = new Date(now.getTime() + request.profileDays * day);

  return ctx.db.transaction(async (tx) => {
    const agency = await findAgency(tx, request.agency);
    const usernames = [...new Set(request.users)];
    const { rows: users } = await tx.query<UserRow>(`SELECT ${userColumns} FROM users WHERE username = ANY(string_to_array($1, ','))`, [usernames.join(',')]);
    for (const username of usernames) {
      const user = users.find((row) => row.username === username);
      if (!user) throw new AdminError('USER_NOT_FOUND', { username });
      if (user.agency_id !== agency.id) throw new AdminError('USER_OTHER_AGENCY', { username, agency: agency.id });
      if (user.disabled || new Date(user.valid_until).getTime() <= now.getTime()) throw new AdminError('USER_UNUSABLE', { username });
      if (!accountOf(user)) throw new AdminError('USER_KEYS_MISSING', { username });
    }
    const name = request.name ?? id;
    await tx.query(
      `INSERT INTO workstations (id, name, agency_id, status, cert_serial, cert_fingerprint, cert_expires_at, profile_id, profile_expires_at, issued_at, status_changed_at)
       VALUES ($1, $2, $3, 'active', $4, $5, $6, $7, $8, $9, $9)`,
      [id, name, agency.id, cert.serial, cert.fingerprint, cert.notAfter, profileId, profileExpiresAt, now],
    );
    for (const username of usernames) await tx.query('INSERT INTO workstation_users (workstation_id, username) VALUES ($1, $2)', [id, username]);

    const serverKeyPem = ctx.server().keyPem;
    const operators: ProfileOperator[] = usernames.map((username) => {
      const user = users.find((row) => row.username === username) as UserRow;
      const account = accountOf(user);
      if (!account) throw new AdminError('USER_KEYS_MISSING', { username });
      return {
        username: user.username,
        displayName: user.display_name,
        role: user.role,
        account,
        statement: statementOf(serverKeyPem, id, user, account, now),
        validUntil: iso(user.valid_until),
        mustChangePassword: user.must_change_password,
      };
    });
    const profile = await writeProfile(
      {
        profileId,
        issuedAt: now.toISOString(),
        expiresAt: profileExpiresAt.toISOString(),
        server: { url: request.serverUrl ?? ctx.config.serverUrl, tlsServerName: ctx.config.tlsServerName, certPem: ctx.server().certPem },
        caCertPem: ca.certPem,
        workstation: { id, name },
        agency: { id: agency.id, name: agency.name, kind: agency.kind, country: agency.country, territory: agency.territory },
        scope: { country: agency.country, territory: agency.territory, agencyId: agency.id },
      },
      { clientKeyPem: key.privateKeyPem, clientCertPem, operators },
      activationCode,
      ca.keyPem,
    );
    await appendAudit(
      tx,
      { actor: ctx.actor, action: 'workstation.issue', target: id, details: { agency: agency.id, users: usernames, certSerial: cert.serial, profileId, profileExpiresAt: profileExpiresAt.toISOString() } },
      now,
    );
    const { rows } = await tx.query<WorkstationRow>(`${selectWorkstations} WHERE w.id = $1`, [id]);
    const issued = { workstation: view(rows[0] as WorkstationRow), activationCode, profile };
    await deliver(issued);
    return issued;
  });
}

export async function listWorkstations(ctx: AdminContext): Promise<WorkstationView[]> {
  const { rows } = await ctx.db.query<WorkstationRow>(`${selectWorkstations} ORDER BY w.issued_at, w.id`);
  return rows.map(view);
}

const statusAfter: Record<WorkstationStatusChange, WorkstationState> = {
  suspend: 'suspended',
  restrict: 'restricted',
  resume: 'active',
  revoke: 'revoked',
};

/** `workstation suspend|restrict|resume|revoke` (Pack 3 §2.4: the administrator restricts or suspends a workstation). */
export async function changeWorkstationStatus(ctx: AdminContext, input: unknown): Promise<WorkstationView> {
  const { id, change, reason } = parseInput(changeWorkstationInput, input);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const { rows: current } = await tx.query<{ status: WorkstationState }>('SELECT status FROM workstations WHERE id = $1 FOR UPDATE', [id]);
    const before = current[0];
    if (!before) throw new AdminError('WORKSTATION_NOT_FOUND', { id });
    if (before.status === 'revoked') throw new AdminError('WORKSTATION_REVOKED', { id });
    const status = statusAfter[change];
    await tx.query('UPDATE workstations SET status = $2, reason = $3, status_changed_at = $4 WHERE id = $1', [id, status, status === 'active' ? null : reason, now]);
    await appendAudit(tx, { actor: ctx.actor, action: `workstation.${change}`, target: id, details: { from: before.status, to: status, reason } }, now);
    const { rows } = await tx.query<WorkstationRow>(`${selectWorkstations} WHERE w.id = $1`, [id]);
    return view(rows[0] as WorkstationRow);
  });
}
