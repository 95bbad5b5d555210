import type { Database } from '../db/sql';
import type { ServerConfig } from '../config/serverConfig';
import type { Issuer } from '../pki/certificates';

/** What every administration verb works with: the database, who acts, and the clock. */
export interface AdminContext {
  db: Database;
  /** The administrator: the operating-system account running the command. */
  actor: string;
  now: () => Date;
  config: ServerConfig;
  /** The CA, loaded only by verbs that sign (issuing a workstation). */
  ca: () => Issuer;
  /** The server's certificate and key: profiles carry the certificate; handover imports need the key. */
  server: () => { certPem: string; keyPem: string };
}
