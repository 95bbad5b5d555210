import type { AdminContext } from './adminContext';
import { parseInput } from './adminError';
import { auditInput } from './adminInputs';
import { addAgency, listAgencies } from './agencies';
import { verifyRegistryCopy } from './copyVerification';
import { readAudit } from './auditLog';
import { verifyAudit } from './auditVerify';
import { createBackup } from './backup';
import { importHandover } from '../handover/importPackage';
import { listRegistryRecords, showRegistryRecord } from './registryRecords';
import { addUser, disableUser, enableUser, listUsers, resetPassword } from './users';
import { changeWorkstationStatus, issueWorkstation, listWorkstations } from './workstations';

/**
 * Every administration verb by name, each taking plain JSON and answering plain JSON: the CLI
 * calls them on the database directly, or through the running server's admin channel.
 */
export const adminVerbs = {
  'agency.add': (ctx: AdminContext, input: unknown) => addAgency(ctx, input),
  'agency.list': (ctx: AdminContext) => listAgencies(ctx),
  'user.add': (ctx: AdminContext, input: unknown) => addUser(ctx, input),
  'user.list': (ctx: AdminContext, input: unknown) => listUsers(ctx, input),
  'user.resetPassword': (ctx: AdminContext, input: unknown) => resetPassword(ctx, input),
  'user.disable': (ctx: AdminContext, input: unknown) => disableUser(ctx, input),
  'user.enable': (ctx: AdminContext, input: unknown) => enableUser(ctx, input),
  'workstation.issue': async (ctx: AdminContext, input: unknown) => {
    const issued = await issueWorkstation(ctx, input);
    return { workstation: issued.workstation, activationCode: issued.activationCode, profileBase64: issued.profile.toString('base64') };
  },
  'workstation.list': (ctx: AdminContext) => listWorkstations(ctx),
  'workstation.changeStatus': (ctx: AdminContext, input: unknown) => changeWorkstationStatus(ctx, input),
  'records.list': (ctx: AdminContext, input: unknown) => listRegistryRecords(ctx, input),
  'records.show': (ctx: AdminContext, input: unknown) => showRegistryRecord(ctx, input),
  'records.verifyCopy': (ctx: AdminContext, input: unknown) => verifyRegistryCopy(ctx, input),
  'handover.import': (ctx: AdminContext, input: unknown) => importHandover(ctx, input),
  'audit.read': (ctx: AdminContext, input: unknown) => readAudit(ctx.db, parseInput(auditInput, input).limit),
  'audit.verify': (ctx: AdminContext, input: unknown) => verifyAudit(ctx, input),
  'backup.create': (ctx: AdminContext, input: unknown) => createBackup(ctx, input),
} satisfies Record<string, (ctx: AdminContext, input: unknown) => Promise<unknown>>;

export type AdminVerbs = typeof adminVerbs;
export type AdminVerb = keyof AdminVerbs;
export type AdminVerbResult<V extends AdminVerb> = Awaited<ReturnType<AdminVerbs[V]>>;

export const isAdminVerb = (value: unknown): value is AdminVerb => typeof value === 'string' && Object.hasOwn(adminVerbs, value);
