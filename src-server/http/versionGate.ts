import type { FastifyInstance, FastifyRequest } from 'fastify';
import { minWorkstationVersionHeader, protocolHeader, protocolVersion, versionHeader } from '../../shared/serverApi/serverApi';
import { compareRelease, parseRelease, type ReleaseVersion } from '../../shared/serverApi/releaseVersion';
import type { ServerLogger } from '../log/serverLogger';
import { Refusal } from './refusal';

/**
 * The oldest workstation release this server serves (docs/sync.md, versions in the field);
 * server.json's minWorkstationVersion raises it. Raise it when a release changes what the
 * server accepts in a way older workstations would get wrong.
 */
export const defaultMinWorkstationVersion = '0.1.0';
/** The protocols (x-bala-protocol) this server speaks; a workstation sending none speaks 1. */
export const spokenProtocols: readonly number[] = [protocolVersion];

const single = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** What a refusal may echo of the workstation's own header: a short, plain text, never raw bytes. */
const shown = (value: string | undefined): string => (value !== undefined && /^[0-9A-Za-z.+-]{1,40}$/.test(value) ? value : '?');

/**
 * One gate in front of every workstation route: before the body is read, the certificate's
 * workstation looked up or anything written, a request must name a release at least the
 * minimum (x-bala-version) and a protocol this server speaks (x-bala-protocol). Otherwise it is
 * refused with WORKSTATION_OUTDATED {current, required}; a newer release is welcome. Every
 * answer names the minimum, so even a workstation that cannot read the refusal can tell.
 */
export function registerVersionGate(app: FastifyInstance, options: { minWorkstationVersion?: string | undefined; log: ServerLogger }): void {
  const required = options.minWorkstationVersion ?? defaultMinWorkstationVersion;
  const minimum: ReleaseVersion | null = parseRelease(required);
  if (!minimum) throw new Error(`minWorkstationVersion is not a release version: ${required}`);
  const lowestProtocol = Math.min(...spokenProtocols);

  app.addHook('onRequest', (request, _reply, done) => {
    const current = single(request, versionHeader);
    const protocolText = single(request, protocolHeader);
    const release = parseRelease(current);
    const outdated = new Refusal('WORKSTATION_OUTDATED', { versions: { current: shown(current), required } });
    if (!release || compareRelease(release, minimum) < 0) {
      options.log.warn(`refused a workstation release ${shown(current)} (the oldest served is ${required})`);
      done(outdated);
      return;
    }
    if (protocolText !== undefined) {
      const protocol = /^(0|[1-9]\d{0,3})$/.test(protocolText) ? Number(protocolText) : null;
      // A newer protocol than this server speaks: the server is the one to update (it goes first).
      if (protocol === null || protocol > Math.max(...spokenProtocols)) {
        done(new Refusal('INVALID_INPUT', { params: { detail: protocolHeader } }));
        return;
      }
      if (!spokenProtocols.includes(protocol)) {
        options.log.warn(`refused a workstation speaking protocol ${protocol} (this server speaks ${spokenProtocols.join(', ')}; lowest ${lowestProtocol})`);
        done(outdated);
        return;
      }
    }
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.header(minWorkstationVersionHeader, required);
    done(null, payload);
  });
}
