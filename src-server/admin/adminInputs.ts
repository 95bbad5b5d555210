import { z } from 'zod';

/** User names as the workstation compares them: trimmed, lower case, NFKC. */
export const normaliseUsername = (username: string): string => username.trim().toLowerCase().normalize('NFKC');

export const usernameSchema = z
  .string()
  .transform(normaliseUsername)
  .pipe(z.string().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/));

const reasonSchema = z.string().trim().min(3).max(500);
const agencyRefSchema = z.string().trim().min(1).max(60);

export const addAgencyInput = z.object({
  id: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/)
    .optional(),
  name: z.string().trim().min(1).max(300),
  kind: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/),
  country: z.string().trim().toUpperCase().pipe(z.enum(['KG', 'AZ', 'KZ'])),
  territory: z.string().trim().regex(/^[A-Za-z0-9._-]{1,32}$/),
  tin: z.string().trim().regex(/^\d{10,14}$/),
  /** Departmental affiliation (a code of the pack's list, e.g. education, health): departmental readers reach by it. */
  department: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_]{1,39}$/).optional(),
});
export type AddAgencyInput = z.infer<typeof addAgencyInput>;

export const addUserInput = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(200).optional(),
  agency: agencyRefSchema,
  role: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/),
  validDays: z.number().int().min(1).max(3650),
});
export type AddUserInput = z.infer<typeof addUserInput>;

export const usernameInput = z.object({ username: usernameSchema });
export const disableUserInput = z.object({ username: usernameSchema, reason: reasonSchema });
export const listUsersInput = z.object({ agency: agencyRefSchema.optional() });

export const issueWorkstationInput = z.object({
  agency: agencyRefSchema,
  users: z.array(usernameSchema).min(1).max(50),
  name: z.string().trim().min(1).max(200).optional(),
  /** Days the profile may be activated in. */
  profileDays: z.number().int().min(1).max(90).default(14),
  /** Days the workstation's certificate is valid. */
  certDays: z.number().int().min(30).max(3650).default(1095),
  /** Overrides the address in server.json (a server reached by another name from this agency). */
  serverUrl: z.url({ protocol: /^https$/ }).optional(),
});
export type IssueWorkstationInput = z.input<typeof issueWorkstationInput>;

export const workstationStatusChanges = ['suspend', 'restrict', 'resume', 'revoke'] as const;
export type WorkstationStatusChange = (typeof workstationStatusChanges)[number];
export const changeWorkstationInput = z.object({
  id: z.string().trim().toLowerCase().regex(/^ws-[a-z0-9]{4,32}$/),
  change: z.enum(workstationStatusChanges),
  reason: reasonSchema,
});

export const auditInput = z.object({ limit: z.number().int().min(1).max(10_000).default(50) });
