import crypto from 'node:crypto';
import net from 'node:net';
import forge from 'node-forge';

/** RSA size of new keys: 3072 in production; tests pass 2048 for speed. */
export const defaultKeyBits = 3072;

export interface KeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

/** Key generation in native code (node-forge's pure-JS RSA takes seconds); forge builds the certificates. */
export function newKeyPair(bits: number = defaultKeyBits): KeyPair {
  const pair = crypto.generateKeyPairSync('rsa', {
    modulusLength: bits,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { privateKeyPem: pair.privateKey, publicKeyPem: pair.publicKey };
}

/** 128 random bits, positive (the top bit clear) and never starting with a zero byte. */
export function randomSerial(): string {
  const bytes = crypto.randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return bytes.toString('hex');
}

const day = 86_400_000;

interface CertificateRequest {
  subjectCn: string;
  subjectOrg?: string;
  publicKeyPem: string;
  issuer: { certPem: string; keyPem: string } | 'self';
  signerKeyPem: string;
  days: number;
  now: Date;
  extensions: object[];
}

function issue(request: CertificateRequest): { certPem: string; serial: string } {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(request.publicKeyPem);
  cert.serialNumber = randomSerial();
  // A minute of slack: a workstation's clock a little behind still accepts a fresh certificate.
  cert.validity.notBefore = new Date(request.now.getTime() - 60_000);
  cert.validity.notAfter = new Date(request.now.getTime() + request.days * day);
  const subject = [{ name: 'commonName', value: request.subjectCn }, ...(request.subjectOrg ? [{ name: 'organizationName', value: request.subjectOrg }] : [])];
  cert.setSubject(subject);
  if (request.issuer === 'self') {
    cert.setIssuer(subject);
  } else {
    const issuerCert = forge.pki.certificateFromPem(request.issuer.certPem);
    cert.setIssuer(issuerCert.subject.attributes);
  }
  cert.setExtensions([...request.extensions, { name: 'subjectKeyIdentifier' }]);
  cert.sign(forge.pki.privateKeyFromPem(request.signerKeyPem), forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), serial: cert.serialNumber };
}

/** The administrator's certificate authority: signs the server's and the workstations' certificates and the profiles. */
export function issueCaCertificate(key: KeyPair, name: string, now: Date, days = 20 * 365): string {
  return issue({
    subjectCn: name,
    subjectOrg: 'Bala',
    publicKeyPem: key.publicKeyPem,
    issuer: 'self',
    signerKeyPem: key.privateKeyPem,
    days,
    now,
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  }).certPem;
}

export interface Issuer {
  certPem: string;
  keyPem: string;
}

/** The server's TLS certificate: every name and address workstations may use to reach it. */
export function issueServerCertificate(ca: Issuer, publicKeyPem: string, hosts: readonly string[], now: Date, days = 825): string {
  const altNames = hosts.map((host) => (net.isIP(host) ? { type: 7, ip: host } : { type: 2, value: host }));
  return issue({
    subjectCn: hosts[0] ?? 'localhost',
    subjectOrg: 'Bala',
    publicKeyPem,
    issuer: ca,
    signerKeyPem: ca.keyPem,
    days,
    now,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  }).certPem;
}

/** A workstation's client certificate: CN is the workstation's id. */
export function issueWorkstationCertificate(ca: Issuer, publicKeyPem: string, workstationId: string, now: Date, days: number): string {
  return issue({
    subjectCn: workstationId,
    subjectOrg: 'Bala',
    publicKeyPem,
    issuer: ca,
    signerKeyPem: ca.keyPem,
    days,
    now,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', clientAuth: true },
    ],
  }).certPem;
}

export interface CertificateFacts {
  serial: string;
  /** SHA-256 of the DER, lower-case hex without separators. */
  fingerprint: string;
  notAfter: Date;
}

export const fingerprintOf = (fingerprint256: string): string => fingerprint256.replace(/:/g, '').toLowerCase();

export function certificateFacts(certPem: string): CertificateFacts {
  const cert = new crypto.X509Certificate(certPem);
  return { serial: cert.serialNumber.toLowerCase(), fingerprint: fingerprintOf(cert.fingerprint256), notAfter: new Date(cert.validTo) };
}
