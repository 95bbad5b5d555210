import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseFingerprint } from './profileReader';

/**
 * The CA this installation trusts for connection profiles (issue 12). Either pin makes
 * activation refuse a profile whose CA is another (PROFILE_UNTRUSTED_CA):
 *
 * - `resources/trusted-ca.pem`: the administrator puts the server's CA certificate
 *   (`bala-server`'s `pki/ca.cert.pem`) there before building the installers; electron-builder
 *   packs it into app.asar, whose integrity the packaged binary checks (fuses). Browser mode and
 *   the CLI read the same file from the repository's `resources/`.
 * - `BALA_CA_FINGERPRINT` (and `bala activate --ca-fingerprint`): the SHA-256 fingerprint that
 *   `bala-server workstation issue` prints, for scripted installs.
 *
 * Without a pin, the first-run screen and `bala activate` show the profile's CA fingerprint for
 * the operator to compare with what the administrator reads out. A pin that cannot be read is
 * a pin that matches nothing: activation is refused rather than left unpinned.
 */
export const defaultTrustedCaFile = (): string =>
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'trusted-ca.pem');

export const unreadablePin = 'UNREADABLE-PIN';

export function pinnedCaFingerprints(sources: { env?: NodeJS.ProcessEnv; trustedCaFile?: string | null; extra?: string | undefined } = {}): string[] {
  const pins: string[] = [];
  const fromEnv = [sources.env?.BALA_CA_FINGERPRINT, sources.extra].filter((value): value is string => typeof value === 'string' && value.trim() !== '');
  for (const value of fromEnv) {
    for (const part of value.split(',')) {
      const pin = normaliseFingerprint(part);
      pins.push(/^[0-9A-F]{64}$/.test(pin) ? pin : unreadablePin);
    }
  }
  const file = sources.trustedCaFile === undefined ? defaultTrustedCaFile() : sources.trustedCaFile;
  if (file && fs.existsSync(file)) {
    try {
      pins.push(new crypto.X509Certificate(fs.readFileSync(file)).fingerprint256.replace(/:/g, '').toUpperCase());
    } catch {
      pins.push(unreadablePin);
    }
  }
  return pins;
}
