import { issueCaCertificate, issueWorkstationCertificate, newKeyPair, type Issuer } from '../../src-server/pki/certificates';

/** Small keys keep the suite fast; production uses 3072 bits. */
export const testKeyBits = 2048;

/** A CA of its own, e.g. to prove the server refuses a certificate from any other authority. */
export function foreignCa(name = 'Some other CA'): Issuer {
  const key = newKeyPair(testKeyBits);
  return { certPem: issueCaCertificate(key, name, new Date()), keyPem: key.privateKeyPem };
}

/** A client key and certificate signed by the given CA. */
export function clientCertificate(ca: Issuer, workstationId: string): { keyPem: string; certPem: string } {
  const key = newKeyPair(testKeyBits);
  return { keyPem: key.privateKeyPem, certPem: issueWorkstationCertificate(ca, key.publicKeyPem, workstationId, new Date(), 30) };
}
