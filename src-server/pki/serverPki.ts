import fs from 'node:fs';
import { dataLayout } from '../config/dataLayout';
import { defaultKeyBits, issueCaCertificate, issueServerCertificate, newKeyPair, type Issuer } from './certificates';

export interface ServerPki {
  ca: Issuer;
  serverKeyPem: string;
  serverCertPem: string;
}

/** Private keys are readable by the administrator's account only. */
export function writePrivateFile(file: string, text: string): void {
  fs.writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
  fs.chmodSync(file, 0o600);
}

/** Creates the CA and the server's key and certificate in `<data>/pki` (refuses to overwrite). */
export function createServerPki(dataDir: string, options: { hosts: readonly string[]; caName: string; keyBits?: number; now: Date }): ServerPki {
  const layout = dataLayout(dataDir);
  fs.mkdirSync(layout.pki, { recursive: true, mode: 0o700 });
  fs.chmodSync(layout.pki, 0o700);
  const bits = options.keyBits ?? defaultKeyBits;
  const caKey = newKeyPair(bits);
  const caCertPem = issueCaCertificate(caKey, options.caName, options.now);
  const ca: Issuer = { certPem: caCertPem, keyPem: caKey.privateKeyPem };
  const serverKey = newKeyPair(bits);
  const serverCertPem = issueServerCertificate(ca, serverKey.publicKeyPem, options.hosts, options.now);

  writePrivateFile(layout.caKey, caKey.privateKeyPem);
  fs.writeFileSync(layout.caCert, caCertPem, { flag: 'wx', mode: 0o644 });
  writePrivateFile(layout.serverKey, serverKey.privateKeyPem);
  fs.writeFileSync(layout.serverCert, serverCertPem, { flag: 'wx', mode: 0o644 });
  return { ca, serverKeyPem: serverKey.privateKeyPem, serverCertPem };
}

export function loadServerPki(dataDir: string): ServerPki {
  const layout = dataLayout(dataDir);
  const read = (file: string) => fs.readFileSync(file, 'utf8');
  return {
    ca: { certPem: read(layout.caCert), keyPem: read(layout.caKey) },
    serverKeyPem: read(layout.serverKey),
    serverCertPem: read(layout.serverCert),
  };
}
