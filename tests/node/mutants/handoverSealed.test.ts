import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitSealed, type SplitSealed } from '../../../shared/handover/handoverFormat';
import { certFingerprint, openPayload, seal, signatureValid, type HeaderFacts } from '../../../src-main/handover/sealedFile';
import * as server from '../../../src-server/handover/sealedFile';
import { handoverPki, type HandoverPki } from './handoverWorkstation';

/*
 * Issue 22: the workstation's crypto of a sealed file (src-main/handover/sealedFile.ts) against
 * the server's own copy: what one seals, the other opens and verifies, and nothing else does.
 */

let pki: HandoverPki;
let foreign: HandoverPki;
beforeAll(() => {
  pki = handoverPki();
  foreign = handoverPki();
});

const facts: HeaderFacts = {
  format: 'bala-handover',
  version: 1,
  packageId: '5d7c6a1e-2b3f-4c8d-9e0f-a1b2c3d4e5f6',
  workstationId: 'ws-naryn-1',
  sequence: 4,
  createdAt: '2026-12-02T10:30:00.000Z',
  counts: { changes: 1 },
};
const payload = { packageId: facts.packageId, workstationId: 'ws-naryn-1', pendingCount: 1, changes: [] };

const split = (bytes: Uint8Array, format: 'bala-handover' | 'bala-handover-receipt' = 'bala-handover'): SplitSealed => {
  const parts = splitSealed(bytes, format);
  if (typeof parts === 'string') throw new Error(parts);
  return parts;
};
const sealedForServer = () => seal(facts, payload, { recipientCertPem: pki.server.certPem, signerKeyPem: pki.client.keyPem, signerCertPem: pki.client.certPem });

describe('sealing a handover file on the workstation', () => {
  it('seals a package the server verifies and opens with its key, and only with its key', () => {
    const parts = split(sealedForServer());
    expect(server.signatureValid(parts)).toBe(true);
    expect(server.openPayload(parts, pki.server.keyPem)).toEqual(payload);
    expect(server.openPayload(parts, pki.client.keyPem)).toBeNull();
    expect(parts.header).toMatchObject({ ...facts, signerCertPem: pki.client.certPem, encryption: { keyWrap: 'rsa-oaep-sha256', cipher: 'aes-256-gcm' } });
  });

  it('names the recipient by the SHA-256 of its certificate, in lower-case hex', () => {
    const der = new crypto.X509Certificate(pki.server.certPem).raw;
    const expected = crypto.createHash('sha256').update(der).digest('hex');
    expect(certFingerprint(pki.server.certPem)).toBe(expected);
    expect(split(sealedForServer()).header.recipientFingerprint).toBe(expected);
  });

  it('signs with RSA-PSS over SHA-256 (salt the digest’s length), not PKCS#1 v1.5', () => {
    const parts = split(sealedForServer());
    const key = new crypto.X509Certificate(pki.client.certPem).publicKey;
    expect(crypto.verify('sha256', parts.signed, { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, parts.signature)).toBe(true);
    expect(crypto.verify('sha256', parts.signed, key, parts.signature)).toBe(false);
  });

  it('uses a fresh key and IV for every file, so the same payload never seals to the same bytes', () => {
    const one = split(sealedForServer()).header.encryption;
    const two = split(sealedForServer()).header.encryption;
    expect(one.iv).not.toBe(two.iv);
    expect(Buffer.from(one.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(one.tag, 'base64')).toHaveLength(16);
    expect(one.wrappedKey).not.toBe(two.wrappedKey);
  });
});

describe('opening a receipt on the workstation', () => {
  const receiptFacts: HeaderFacts = { ...facts, format: 'bala-handover-receipt', counts: {} };
  const receiptPayload = { packageId: facts.packageId, workstationId: 'ws-naryn-1', importedAt: '2026-12-03T08:00:00.000Z', repeat: false, gap: null, outcomes: [] };
  const fromServer = () => server.seal(receiptFacts, receiptPayload, { recipientCertPem: pki.client.certPem, signerKeyPem: pki.server.keyPem, signerCertPem: pki.server.certPem });

  it('verifies the server’s signature and opens the answers with the workstation’s key', () => {
    const parts = split(fromServer(), 'bala-handover-receipt');
    expect(signatureValid(parts)).toBe(true);
    expect(openPayload(parts, pki.client.keyPem)).toEqual(receiptPayload);
  });

  it('refuses a signature another key made, whatever certificate the header names, or a certificate it cannot read', () => {
    const borrowed = split(server.seal(receiptFacts, receiptPayload, { recipientCertPem: pki.client.certPem, signerKeyPem: foreign.server.keyPem, signerCertPem: pki.server.certPem }), 'bala-handover-receipt');
    expect(signatureValid(borrowed)).toBe(false);
    const parts = split(fromServer(), 'bala-handover-receipt');
    expect(signatureValid({ ...parts, header: { ...parts.header, signerCertPem: '-----BEGIN CERTIFICATE-----\nnot one\n-----END CERTIFICATE-----' } })).toBe(false);
    const changed = Buffer.from(parts.signed);
    changed[changed.length - 1] = (changed[changed.length - 1] ?? 0) ^ 1;
    expect(signatureValid({ ...parts, signed: changed })).toBe(false);
  });

  it('opens nothing sealed for another key, moved under another header, or with its tag or ciphertext altered', () => {
    const parts = split(fromServer(), 'bala-handover-receipt');
    expect(openPayload(parts, foreign.client.keyPem)).toBeNull();
    // The same ciphertext under a header with another number, package or workstation: the AAD differs.
    for (const header of [{ sequence: 5 }, { packageId: crypto.randomUUID() }, { workstationId: 'ws-naryn-2' }, { format: 'bala-handover' as const }]) {
      expect(openPayload({ ...parts, header: { ...parts.header, ...header } }, pki.client.keyPem)).toBeNull();
    }
    const tag = Buffer.from(parts.header.encryption.tag, 'base64');
    tag[0] = (tag[0] ?? 0) ^ 1;
    expect(openPayload({ ...parts, header: { ...parts.header, encryption: { ...parts.header.encryption, tag: tag.toString('base64') } } }, pki.client.keyPem)).toBeNull();
    const ciphertext = Buffer.from(parts.ciphertext);
    ciphertext[0] = (ciphertext[0] ?? 0) ^ 1;
    expect(openPayload({ ...parts, ciphertext }, pki.client.keyPem)).toBeNull();
  });
});
