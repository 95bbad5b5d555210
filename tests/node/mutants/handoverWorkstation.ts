import crypto from 'node:crypto';
import path from 'node:path';
import forge from 'node-forge';
import type { ReceiptPayload, SealedHeader } from '../../../shared/handover/handoverFormat';
import { registryPacks } from '../../../shared/packs';
import { handoverKeys, type HandoverKeys } from '../../../src-main/handover/handoverKeys';
import { RecordStore } from '../../../src-main/records/recordStore';
import { openCache, type CacheDatabase } from '../../../src-main/store/cacheDatabase';
import { seal as serverSeal } from '../../../src-server/handover/sealedFile';
import { pupilForm, samplePupil } from '../../support/pupilSamples';
import { tempDir } from '../../support/tempDir';

/*
 * A workstation's encrypted cache with its connection profile's keys, and the central server's
 * part played by the test with the server's key (no server, no sign-in's slow KDF): milliseconds
 * per case, so the mutation run (issue 22) can afford it for every mutant of src-main/handover.
 */

export interface KeyPair {
  keyPem: string;
  certPem: string;
}

export interface HandoverPki {
  caKeyPem: string;
  caCertPem: string;
  server: KeyPair;
  client: KeyPair;
  /** A certificate the same CA issued, for a TLS server (serverAuth) or a client (clientAuth). */
  issue(purpose: 'serverAuth' | 'clientAuth', caKeyPem?: string): KeyPair;
}

// 1024-bit keys: the crypto is the same as with the profile's 2048-bit ones, at a quarter of the
// generation time that every mutant of the mutation run pays again.
const rsaPair = () => crypto.generateKeyPairSync('rsa', { modulusLength: 1024, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });

function certificate(publicKeyPem: string, subject: string, signerKeyPem: string, extensions: object[]): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  cert.serialNumber = `01${crypto.randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.UTC(2026, 0, 1));
  cert.validity.notAfter = new Date(Date.UTC(2036, 0, 1));
  cert.setSubject([{ name: 'commonName', value: subject }]);
  cert.setIssuer([{ name: 'commonName', value: 'Bala handover test CA' }]);
  cert.setExtensions(extensions);
  // Signed as forge's cert.sign does, but with node:crypto (forge's RSA in JavaScript takes a second per certificate).
  cert.signatureOid = cert.siginfo.algorithmOid = forge.pki.oids.sha256WithRSAEncryption ?? '';
  cert.tbsCertificate = (forge.pki as unknown as { getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1 }).getTBSCertificate(cert);
  const tbs = Buffer.from(forge.asn1.toDer(cert.tbsCertificate).getBytes(), 'binary');
  cert.signature = crypto.sign('sha256', tbs, signerKeyPem).toString('binary');
  return forge.pki.certificateToPem(cert);
}

/** A CA with a server (serverAuth) and a workstation (clientAuth) certificate, as an administrator's server issues them. */
export function handoverPki(): HandoverPki {
  const ca = rsaPair();
  // One spare key for every further certificate: a certificate is told apart by its fingerprint.
  const spare = rsaPair();
  const issue = (purpose: 'serverAuth' | 'clientAuth', caKeyPem = ca.privateKey, pair = spare): KeyPair => {
    return { keyPem: pair.privateKey, certPem: certificate(pair.publicKey, `bala ${purpose}`, caKeyPem, [{ name: 'extKeyUsage', [purpose]: true }]) };
  };
  return {
    caKeyPem: ca.privateKey,
    caCertPem: certificate(ca.publicKey, 'Bala handover test CA', ca.privateKey, [{ name: 'basicConstraints', cA: true }]),
    server: issue('serverAuth', ca.privateKey, rsaPair()),
    client: issue('clientAuth', ca.privateKey, rsaPair()),
    issue: (purpose, caKeyPem) => issue(purpose, caKeyPem),
  };
}

export interface HandoverWorkstation {
  db: CacheDatabase;
  pki: HandoverPki;
  keys: HandoverKeys;
  /** Pupils entered on this workstation: their records, and their changes in the outbox. */
  createPupils(from: number, count: number): string[];
  /** A pupil entered with a photo (JPEG bytes stored in the cache's blobs). */
  createPupilWithPhoto(i: number): string;
  /** A receipt as the central server writes it, for this workstation unless told otherwise. */
  receipt(payload: Partial<ReceiptPayload> & { packageId: string }, options?: ReceiptOptions): Buffer;
  close(): void;
}

export interface ReceiptOptions {
  workstationId?: string;
  sequence?: number;
  recipientCertPem?: string;
  signer?: KeyPair;
  /** What is sealed inside, in place of the answers built from `payload` (which still fills the header). */
  sealedPayload?: unknown;
}

export function handoverWorkstation(pki: HandoverPki, id = `ws-${crypto.randomBytes(3).toString('hex')}`): HandoverWorkstation {
  const temp = tempDir('bala-handover-mut-');
  const db = openCache(path.join(temp.dir, 'cache.db'), crypto.randomBytes(32), { create: true });
  db.prepare(
    `INSERT INTO workstation (id, name, agency_json, scope_json, server_url, tls_server_name, ca_cert_pem, client_key_pem, client_cert_pem, server_cert_pem, profile_id, profile_expires_at, activated_at)
     VALUES (?, 'Нарын', ?, ?, 'https://127.0.0.1:9/', 'localhost', ?, ?, ?, ?, ?, '2027-01-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`,
  ).run(
    id,
    JSON.stringify({ id: 'agency-1', name: 'Нарын балдар үйү', kind: 'childrens_home', country: 'KG', territory: '41711' }),
    JSON.stringify({ country: 'KG', territory: '41711', agencyId: 'agency-1' }),
    pki.caCertPem,
    pki.client.keyPem,
    pki.client.certPem,
    pki.server.certPem,
    crypto.randomUUID(),
  );
  const keys = handoverKeys(db);
  let clock = 0;
  const store = new RecordStore(db, () => new Date(Date.UTC(2026, 10, 20, 9, 0, clock++)));
  const { form } = pupilForm(registryPacks);
  return {
    db,
    pki,
    keys,
    createPupils: (from, count) => Array.from({ length: count }, (_, i) => store.create(form, samplePupil(from + i), 'op').id),
    createPupilWithPhoto: (i) => store.create(form, samplePupil(i, { photo: store.putBlob('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, i % 256]), 'op') }), 'op').id,
    receipt: (payload, options = {}) => {
      const workstationId = options.workstationId ?? keys.workstationId;
      const facts: Omit<SealedHeader, 'encryption' | 'payloadBytes' | 'recipientFingerprint' | 'signerCertPem'> = {
        format: 'bala-handover-receipt',
        version: 1,
        packageId: payload.packageId,
        workstationId,
        sequence: options.sequence ?? 1,
        createdAt: '2026-12-01T08:00:00.000Z',
        counts: {},
      };
      const body: ReceiptPayload = { workstationId, importedAt: '2026-12-01T08:00:00.000Z', repeat: false, gap: null, outcomes: [], ...payload };
      return serverSeal(facts, options.sealedPayload ?? body, {
        recipientCertPem: options.recipientCertPem ?? keys.clientCertPem,
        signerKeyPem: options.signer?.keyPem ?? pki.server.keyPem,
        signerCertPem: options.signer?.certPem ?? pki.server.certPem,
      });
    },
    close: () => {
      db.close();
      temp.cleanup();
    },
  };
}
