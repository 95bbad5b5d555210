import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * workstation.json: which workstation this is, shown before anyone signs in. No personal data:
 * the workstation's and agency's names and the server's address. Its presence means "activated"
 * (it is the last file an activation puts in place).
 */
export const workstationIdentitySchema = z.object({
  workstationId: z.string(),
  workstationName: z.string(),
  agencyName: z.string(),
  serverUrl: z.string(),
  profileExpiresAt: z.string(),
  activatedAt: z.string(),
});
export type WorkstationIdentity = z.infer<typeof workstationIdentitySchema>;

export const identityFileName = 'workstation.json';

export function readIdentity(dataDir: string): WorkstationIdentity | null {
  const file = path.join(dataDir, identityFileName);
  if (!fs.existsSync(file)) return null;
  return workstationIdentitySchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}
