import fs from 'node:fs';
import { activateWorkstation } from '../activation/activateWorkstation';
import { maxProfileBytes, openProfile } from '../activation/profileReader';
import { findProfiles } from '../activation/profileSearch';
import { BalaError } from './balaError';
import type { DomainHandlers } from './handlers';

export const activationHandlers: DomainHandlers<'activation'> = {
  'activation.findProfiles': (_input, ctx) => findProfiles(ctx.profilePlaces),
  'activation.activate': async ({ source, activationCode }, ctx) => {
    let file: Buffer;
    if (source.kind === 'file') {
      file = Buffer.from(source.contentBase64, 'base64');
    } else {
      try {
        if (fs.statSync(source.path).size > maxProfileBytes) throw new BalaError('PROFILE_UNREADABLE');
        file = fs.readFileSync(source.path);
      } catch (error) {
        if (error instanceof BalaError) throw error;
        throw new BalaError('NOT_FOUND');
      }
    }
    const profile = await openProfile(file, activationCode, new Date(), ctx.language());
    activateWorkstation(ctx.dataDir, profile, new Date());
    return ctx.session.status();
  },
};
