import path from 'node:path';

/** Where everything of one server lives inside its data folder (`--data`). */
export function dataLayout(dataDir: string) {
  const pki = path.join(dataDir, 'pki');
  return {
    dataDir,
    config: path.join(dataDir, 'server.json'),
    pki,
    caKey: path.join(pki, 'ca.key.pem'),
    caCert: path.join(pki, 'ca.cert.pem'),
    serverKey: path.join(pki, 'server.key.pem'),
    serverCert: path.join(pki, 'server.cert.pem'),
    /** The embedded PGlite database (unused with --pg). */
    db: path.join(dataDir, 'db'),
    /** Held by the one process that has the embedded database open. */
    dbLock: path.join(dataDir, 'db.lock'),
  };
}
export type DataLayout = ReturnType<typeof dataLayout>;
