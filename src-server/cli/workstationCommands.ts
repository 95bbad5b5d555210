import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { formatDate } from '../../shared/i18n/format';
import { AdminError } from '../admin/adminError';
import { workstationStatusChanges, type WorkstationStatusChange } from '../admin/adminInputs';
import { issueWorkstation, type WorkstationView } from '../admin/workstations';
import type { CliContext } from './cliContext';
import { grid, table } from './cliOutput';

const numberOrText = (value: string | undefined) => (value === undefined ? undefined : /^\d+$/.test(value) ? Number(value) : value);

/** Writes the profile next to nothing else: 0600, never over an existing file. */
function writeProfileFile(file: string, bytes: Buffer): void {
  try {
    fs.writeFileSync(file, bytes, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AdminError(code === 'EEXIST' ? 'FILE_EXISTS' : 'FILE_UNWRITABLE', { file });
  }
}

/** `workstation issue|list|suspend|restrict|resume|revoke`. */
export function registerWorkstationCommands(program: Command, cli: CliContext): void {
  const { t } = cli;
  const workstation = program.command('workstation').description(t('server.cli.cmdWorkstation'));
  const date = (iso: string) => formatDate(new Date(iso), cli.language);
  const status = (view: WorkstationView) => t(`server.status.${view.status}`);
  const describe = (view: WorkstationView) =>
    table([
      [t('server.cli.workstation'), `${view.id} (${view.name})`],
      [t('server.cli.agency'), view.agencyId],
      [t('server.cli.status'), view.reason ? `${status(view)} — ${view.reason}` : status(view)],
      [t('server.cli.users'), view.users.join(', ')],
      [t('server.cli.profileExpires'), date(view.profileExpiresAt)],
      [t('server.cli.certExpires'), date(view.certExpiresAt)],
    ]);

  workstation
    .command('issue')
    .description(t('server.cli.cmdWsIssue'))
    .requiredOption('--agency <agency>', t('server.cli.optAgency'))
    .requiredOption('--users <names>', t('server.cli.optUsers'))
    .requiredOption('--out <file.balaprofile>', t('server.cli.optOut'))
    .option('--name <name>', t('server.cli.optWsName'))
    .option('--profile-days <days>', t('server.cli.optProfileDays'))
    .option('--cert-days <days>', t('server.cli.optCertDays'))
    .option('--server-url <url>', t('server.cli.optServerUrl'))
    .action(
      async (options: { agency: string; users: string; out: string; name?: string; profileDays?: string; certDays?: string; serverUrl?: string }) => {
        const file = path.resolve(options.out);
        await cli.run(
          async (admin) => {
            if (fs.existsSync(file)) throw new AdminError('FILE_EXISTS', { file });
            const input = {
              agency: options.agency,
              users: options.users.split(',').map((name) => name.trim()).filter(Boolean),
              name: options.name,
              profileDays: numberOrText(options.profileDays),
              certDays: numberOrText(options.certDays),
              serverUrl: options.serverUrl,
            };
            if (admin.direct) {
              // Written inside the issuing transaction: a file that cannot be written issues nothing.
              const issued = await issueWorkstation(admin.direct, input, (ready) => Promise.resolve(writeProfileFile(file, ready.profile)));
              return { workstation: issued.workstation, activationCode: issued.activationCode, profileFile: file };
            }
            const issued = await admin.call('workstation.issue', input);
            try {
              writeProfileFile(file, Buffer.from(issued.profileBase64, 'base64'));
            } catch (error) {
              // Issued by the running server, but never handed over: it must not stay usable.
              await admin.call('workstation.changeStatus', { id: issued.workstation.id, change: 'revoke', reason: 'profile file could not be written' });
              throw error;
            }
            return { workstation: issued.workstation, activationCode: issued.activationCode, profileFile: file };
          },
          (issued) =>
            [
              t('server.cli.wsIssued', { id: issued.workstation.id, file: issued.profileFile }),
              describe(issued.workstation),
              '',
              t('server.cli.activationCode'),
              `  ${issued.activationCode}`,
              t('server.cli.codeAdvice'),
              `CA SHA-256: ${new X509Certificate((JSON.parse(Buffer.from((JSON.parse(fs.readFileSync(issued.profileFile, 'utf8')) as { body: string }).body, 'base64').toString('utf8')) as { caCertPem: string }).caCertPem).fingerprint256.replace(/:/g, '').replace(/(.{4})(?=.)/g, '$1 ')}`,
            ].join('\n'),
        );
      },
    );

  workstation
    .command('list')
    .description(t('server.cli.cmdWsList'))
    .action(async () => {
      await cli.run(
        (admin) => admin.call('workstation.list'),
        (views) =>
          views.length === 0
            ? t('server.cli.noneFound')
            : grid(
                [
                  t('server.cli.workstation'),
                  t('server.cli.agency'),
                  t('server.cli.status'),
                  t('server.cli.users'),
                  t('server.cli.lastContact'),
                  t('server.cli.pendingCount'),
                  t('server.cli.refusals'),
                  t('server.cli.reason'),
                ],
                views.map((view) => [
                  view.id,
                  view.agencyId,
                  status(view),
                  view.users.join(','),
                  view.lastContactAt ?? t('server.cli.never'),
                  String(view.pendingCount),
                  view.refusalCount > 0 ? `${view.refusalCount} (${view.lastRefusal ?? ''})` : '0',
                  view.reason ?? '',
                ]),
              ),
      );
    });

  const descriptions: Record<WorkstationStatusChange, string> = {
    suspend: t('server.cli.cmdWsSuspend'),
    restrict: t('server.cli.cmdWsRestrict'),
    resume: t('server.cli.cmdWsResume'),
    revoke: t('server.cli.cmdWsRevoke'),
  };
  for (const change of workstationStatusChanges) {
    workstation
      .command(`${change} <id>`)
      .description(descriptions[change])
      .requiredOption('--reason <text>', t('server.cli.optReason'))
      .action(async (id: string, options: { reason: string }) => {
        await cli.run(
          (admin) => admin.call('workstation.changeStatus', { id, change, reason: options.reason }),
          (view) => `${t('server.cli.wsStatusChanged', { id: view.id, status: status(view) })}\n${describe(view)}`,
        );
      });
  }
}
