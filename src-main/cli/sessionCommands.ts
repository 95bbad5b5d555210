import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { TFunction } from 'i18next';
import type { BalaClient } from '../../shared/api/client';
import type { SessionStatus } from '../../shared/api/session';
import { formatDate } from '../../shared/i18n/format';
import type { Backend } from '../backend';
import { report, table, type CliIo } from './output';
import { need as needSecret, signInFromEnvironment } from './signIn';

export interface CliSession {
  io: CliIo;
  helpT: TFunction;
  json: () => boolean;
  open: () => { client: BalaClient; backend: Backend };
  exit: (code: number) => void;
}

/** `bala activate`, `bala whoami`, `bala passwd`: credentials come from the environment or a prompt. */
export function registerSessionCommands(program: Command, cli: CliSession): void {
  const { io, helpT } = cli;

  const need = (envName: string, promptKey: string, t: TFunction) => needSecret(cli, envName, promptKey, t);

  program
    .command('activate')
    .description(helpT('cli.cmdActivate'))
    .requiredOption('--profile <file>', helpT('cli.optProfile'))
    .option('--ca-fingerprint <sha256>', helpT('cli.optCaFingerprint'))
    .action(async (options: { profile: string; caFingerprint?: string }) => {
      const { client, backend } = cli.open();
      const t = backend.ctx.t();
      const code = await need('BALA_ACTIVATION_CODE', 'cli.promptCode', t);
      if (code === null) return;
      let content: string;
      try {
        content = fs.readFileSync(path.resolve(options.profile)).toString('base64');
      } catch {
        cli.exit(report(io, { ok: false, error: { code: 'NOT_FOUND', message: t('errors.NOT_FOUND') } }, cli.json(), () => ''));
        return;
      }
      const source = { kind: 'file' as const, name: path.basename(options.profile), contentBase64: content };
      const pin = options.caFingerprint === undefined ? {} : { caFingerprint: options.caFingerprint };
      // The CA's fingerprint, for the operator to compare with what the administrator read out (refused here when a pin differs).
      const ca = await client.call('activation.inspect', { source, ...pin });
      const result = ca.ok ? await client.call('activation.activate', { source, activationCode: code, ...pin }) : ca;
      const caLine = ca.ok ? t(ca.value.pinned ? 'cli.caPinned' : 'cli.caCompare', { fingerprint: ca.value.caFingerprint }) : '';
      cli.exit(
        report(io, result, cli.json(), (status) =>
          status.state === 'notActivated' ? '' : [t('cli.activated', { workstation: status.workstationName, agency: status.agencyName }), caLine].join('\n'),
        ),
      );
    });

  const signedIn = () => signInFromEnvironment(cli);

  const describe = (t: TFunction, backend: Backend) => (status: SessionStatus) => {
    if (status.state !== 'signedIn') return status.state;
    const lines = table([
      [t('cli.user'), `${status.user.displayName} (${status.user.username})`],
      [t('cli.role'), status.user.role],
      [t('cli.workstation'), status.workstationName],
      [t('cli.agency'), status.agencyName],
      [t('cli.validUntil'), formatDate(new Date(status.user.validUntil), backend.ctx.language())],
      [t('cli.online'), status.verifiedOnline ? t('cli.yes') : t('cli.no')],
    ]);
    const notes = [status.serverNotice?.message, status.mustChangePassword ? t('cli.mustChange') : undefined].filter(Boolean);
    return [lines, ...notes].join('\n');
  };

  program
    .command('whoami')
    .description(helpT('cli.cmdWhoami'))
    .action(async () => {
      const session = await signedIn();
      if (!session) return;
      const t = session.backend.ctx.t();
      cli.exit(report(io, { ok: true, value: session.status }, cli.json(), describe(t, session.backend)));
      await session.client.call('session.signOut');
    });

  program
    .command('passwd')
    .description(helpT('cli.cmdPasswd'))
    .action(async () => {
      const session = await signedIn();
      if (!session) return;
      const t = session.backend.ctx.t();
      const fresh = await need('BALA_NEW_PASSWORD', 'cli.promptNewPassword', t);
      if (fresh === null) return;
      if (!process.env.BALA_NEW_PASSWORD) {
        const again = await need('BALA_NEW_PASSWORD', 'cli.promptRepeat', t);
        if (again !== fresh) {
          io.err(t('cli.mismatch'));
          cli.exit(1);
          return;
        }
      }
      const result = await session.client.call('session.changePassword', {
        currentPassword: session.password,
        newPassword: fresh,
      });
      cli.exit(report(io, result, cli.json(), () => t('cli.passwordChanged')));
      await session.client.call('session.signOut');
    });
}
