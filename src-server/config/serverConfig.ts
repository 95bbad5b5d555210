import fs from 'node:fs';
import { z } from 'zod';
import { parseRelease } from '../../shared/serverApi/releaseVersion';
import { dataLayout } from './dataLayout';

/** server.json: what `init` decided, read by every later command. No secrets in it. */
export const serverConfigSchema = z.object({
  format: z.literal('bala-server'),
  version: z.literal(1),
  /** The address written into connection profiles: https://host:port. */
  serverUrl: z.url(),
  /** The name workstations check the server's certificate against. */
  tlsServerName: z.string().min(1),
  /** Names and addresses in the server certificate. */
  hosts: z.array(z.string().min(1)).min(1),
  storage: z.enum(['pglite', 'postgres']),
  /** RSA size of the keys this server makes (the CA's, the server's, each workstation's). */
  keyBits: z.number().int().min(2048).max(8192),
  createdAt: z.string(),
  /**
   * The oldest workstation release served (docs/sync.md, versions in the field); absent: the
   * default of this server release (src-server/http/versionGate.ts). Set by hand in server.json.
   */
  minWorkstationVersion: z
    .string()
    .refine((text) => parseRelease(text) !== null, { message: 'a release version such as 0.2.0' })
    .optional(),
});
export type ServerConfig = z.infer<typeof serverConfigSchema>;

export function readServerConfig(dataDir: string): ServerConfig | null {
  const file = dataLayout(dataDir).config;
  if (!fs.existsSync(file)) return null;
  return serverConfigSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

export function writeServerConfig(dataDir: string, config: ServerConfig): void {
  fs.writeFileSync(dataLayout(dataDir).config, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
}
