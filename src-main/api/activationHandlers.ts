import fs from 'node:fs';
import { activateWorkstation } from '../activation/activateWorkstation';
import { recoverAccess } from '../activation/recoverAccess';
import type { InputOf } from '../../shared/api/contract';
import { pinnedCaFingerprints } from '../activation/caPin';
import { checkProfileCa, groupFingerprint, maxProfileBytes, openProfile } from '../activation/profileReader';
import { findProfiles } from '../activation/profileSearch';
import { BalaError } from './balaError';
import type { DomainHandlers } from './handlers';

type Source = InputOf<'activation.activate'>['source'];

function readSource(source: Source): Buffer {
  if (source.kind === 'file') return Buffer.from(source.contentBase64, 'base64');
  try {
    if (fs.statSync(source.path).size > maxProfileBytes) throw new BalaError('PROFILE_UNREADABLE');
    return fs.readFileSync(source.path);
  } catch (error) {
    if (error instanceof BalaError) throw error;
    throw new BalaError('NOT_FOUND');
  }
}

/** The pins of this installation (resources/trusted-ca.pem, BALA_CA_FINGERPRINT) and the one typed for this activation. */
const pins = (typed: string | undefined) => pinnedCaFingerprints({ env: process.env, extra: typed });

export const activationHandlers: DomainHandlers<'activation'> = {
  'activation.findProfiles': (_input, ctx) => findProfiles(ctx.profilePlaces),
  'activation.inspect': ({ source, caFingerprint }) => {
    const pinned = pins(caFingerprint);
    const checked = checkProfileCa(readSource(source), pinned);
    return { caFingerprint: groupFingerprint(checked.caFingerprint), pinned: pinned.length > 0 };
  },
  'activation.activate': async ({ source, activationCode, caFingerprint }, ctx) => {
    const file = readSource(source);
    const profile = await openProfile(file, activationCode, new Date(), ctx.language(), { pinnedCa: pins(caFingerprint) });
    activateWorkstation(ctx.dataDir, profile, new Date());
    return ctx.session.status();
  },
  'activation.recover': async ({ source, activationCode, caFingerprint, username, password }, ctx) => {
    const profile = await openProfile(readSource(source), activationCode, new Date(), ctx.language(), { pinnedCa: pins(caFingerprint) });
    await recoverAccess(ctx.dataDir, profile, username, password, new Date());
    return ctx.session.status();
  },
};
