import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { report } from './output';
import type { CliSession } from './sessionCommands';
import { need } from './signIn';

/**
 * `bala recover`: an operator alone on a workstation whose access was removed gets it back with
 * the workstation's profile and code and their current password. Secrets come from the
 * environment or a prompt, never from argv.
 */
export function registerRecoverCommand(program: Command, cli: CliSession): void {
  const { io, helpT } = cli;
  program
    .command('recover')
    .description(helpT('access.cliRecover'))
    .requiredOption('--profile <file>', helpT('cli.optProfile'))
    .option('--ca-fingerprint <sha256>', helpT('cli.optCaFingerprint'))
    .action(async (options: { profile: string; caFingerprint?: string }) => {
      const { client, backend } = cli.open();
      const t = backend.ctx.t();
      // Nothing to recover on a workstation never activated: say so before asking for any secret.
      const status = await client.call('session.status');
      if (status.ok && status.value.state === 'notActivated') {
        cli.exit(report(io, { ok: false, error: { code: 'NOT_ACTIVATED', message: t('errors.NOT_ACTIVATED') } }, cli.json(), () => ''));
        return;
      }
      let contentBase64: string;
      try {
        contentBase64 = fs.readFileSync(path.resolve(options.profile)).toString('base64');
      } catch {
        cli.exit(report(io, { ok: false, error: { code: 'NOT_FOUND', message: t('errors.NOT_FOUND') } }, cli.json(), () => ''));
        return;
      }
      const activationCode = await need(cli, 'BALA_ACTIVATION_CODE', 'cli.promptCode', t);
      if (activationCode === null) return;
      const username = await need(cli, 'BALA_USER', 'cli.promptUser', t);
      if (username === null) return;
      const password = await need(cli, 'BALA_PASSWORD', 'cli.promptPassword', t);
      if (password === null) return;

      const source = { kind: 'file' as const, name: path.basename(options.profile), contentBase64 };
      const pin = options.caFingerprint === undefined ? {} : { caFingerprint: options.caFingerprint };
      // The CA's fingerprint, for the operator to compare with what the administrator read out (refused here when a pin differs).
      const ca = await client.call('activation.inspect', { source, ...pin });
      const result = ca.ok ? await client.call('activation.recover', { source, activationCode, username, password, ...pin }) : ca;
      const caLine = ca.ok ? t(ca.value.pinned ? 'cli.caPinned' : 'cli.caCompare', { fingerprint: ca.value.caFingerprint }) : '';
      cli.exit(
        report(io, result, cli.json(), (after) =>
          after.state === 'notActivated' ? '' : [t('access.cliRecovered', { username: username.trim(), workstation: after.workstationName, agency: after.agencyName }), caLine].join('\n'),
        ),
      );
    });
}
