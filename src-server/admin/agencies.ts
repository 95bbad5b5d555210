import crypto from 'node:crypto';
import type { AgencyRef } from '../../shared/profile/profileFormat';
import { sqlState, uniqueViolation, type SqlRunner } from '../db/sql';
import type { AdminContext } from './adminContext';
import { AdminError, parseInput } from './adminError';
import { addAgencyInput } from './adminInputs';
import { appendAudit } from './auditLog';
import { tinIsValid, tinLength } from './taxIdentifiers';

export interface AgencyView extends AgencyRef {
  tin: string;
  department: string | null;
  createdAt: string;
}

interface AgencyRow {
  id: string;
  name: string;
  kind: string;
  country: string;
  territory: string;
  tin: string;
  department: string | null;
  created_at: Date;
}

const view = (row: AgencyRow): AgencyView => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  country: row.country,
  territory: row.territory,
  tin: row.tin,
  department: row.department,
  createdAt: new Date(row.created_at).toISOString(),
});

const newAgencyId = () => `ag-${crypto.randomBytes(5).toString('hex')}`;

/** `agency add`: registers a user agency (Pack 1 §24, Pack 3 §1.5). */
export async function addAgency(ctx: AdminContext, input: unknown): Promise<AgencyView> {
  const agency = parseInput(addAgencyInput, input);
  if (!tinIsValid(agency.country, agency.tin)) {
    throw new AdminError('TIN_INVALID', { country: agency.country, length: String(tinLength[agency.country]) });
  }
  const now = ctx.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const { rows } = await tx.query<AgencyRow>(
        `INSERT INTO agencies (id, name, kind, country, territory, tin, department, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         RETURNING id, name, kind, country, territory, tin, department, created_at`,
        [agency.id ?? newAgencyId(), agency.name, agency.kind, agency.country, agency.territory, agency.tin, agency.department ?? null, now],
      );
      const added = view(rows[0] as AgencyRow);
      await appendAudit(tx, { actor: ctx.actor, action: 'agency.add', target: added.id, details: { kind: added.kind, country: added.country, territory: added.territory, department: added.department } }, now);
      return added;
    });
  } catch (error) {
    if (sqlState(error) === uniqueViolation) throw new AdminError('AGENCY_EXISTS', { agency: agency.id ?? agency.tin });
    throw error;
  }
}

export async function listAgencies(ctx: AdminContext): Promise<AgencyView[]> {
  const { rows } = await ctx.db.query<AgencyRow>('SELECT id, name, kind, country, territory, tin, department, created_at FROM agencies ORDER BY name, id');
  return rows.map(view);
}

/** An agency named by its id or its taxpayer number. */
export async function findAgency(db: SqlRunner, ref: string): Promise<AgencyView> {
  const { rows } = await db.query<AgencyRow>('SELECT id, name, kind, country, territory, tin, department, created_at FROM agencies WHERE id = lower($1) OR tin = $1', [ref]);
  if (rows.length > 1) throw new AdminError('AGENCY_AMBIGUOUS', { agency: ref });
  const row = rows[0];
  if (!row) throw new AdminError('AGENCY_NOT_FOUND', { agency: ref });
  return view(row);
}
