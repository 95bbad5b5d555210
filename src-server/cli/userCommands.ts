import type { Command } from 'commander';
import { formatDate } from '../../shared/i18n/format';
import type { IssuedPassword, UserView } from '../admin/users';
import type { CliContext } from './cliContext';
import { grid, table } from './cliOutput';

/** `user add|list|reset-password|disable|enable`. */
export function registerUserCommands(program: Command, cli: CliContext): void {
  const { t } = cli;
  const user = program.command('user').description(t('server.cli.cmdUser'));
  const date = (iso: string) => formatDate(new Date(iso), cli.language);
  const state = (view: UserView) => {
    if (view.disabled) return t('server.cli.userDisabledState', { reason: view.disabledReason ?? '' });
    if (view.lockedUntil && Date.parse(view.lockedUntil) > cli.now().getTime()) return t('server.cli.userLockedState');
    if (Date.parse(view.validUntil) <= cli.now().getTime()) return t('server.cli.userExpiredState');
    return t('server.cli.userActiveState');
  };
  const describe = (view: UserView) =>
    table([
      [t('server.cli.username'), view.username],
      [t('server.cli.displayName'), view.displayName],
      [t('server.cli.agency'), view.agencyId],
      [t('server.cli.role'), view.role],
      [t('server.cli.validUntil'), date(view.validUntil)],
      [t('server.cli.state'), state(view)],
    ]);
  // The one time the password is shown: the administrator hands it over in person.
  const withPassword = (headline: string) => (issued: IssuedPassword) =>
    [headline, describe(issued.user), '', t('server.cli.passwordOnce'), `  ${issued.password}`].join('\n');

  user
    .command('add')
    .description(t('server.cli.cmdUserAdd'))
    .requiredOption('--username <name>', t('server.cli.optUsername'))
    .requiredOption('--agency <agency>', t('server.cli.optAgency'))
    .requiredOption('--role <role>', t('server.cli.optRole'))
    .requiredOption('--valid-days <days>', t('server.cli.optValidDays'))
    .option('--name <full name>', t('server.cli.optDisplayName'))
    .action(async (options: { username: string; agency: string; role: string; validDays: string; name?: string }) => {
      await cli.run(
        (admin) =>
          admin.call('user.add', {
            username: options.username,
            agency: options.agency,
            role: options.role,
            validDays: /^\d+$/.test(options.validDays) ? Number(options.validDays) : options.validDays,
            ...(options.name !== undefined ? { displayName: options.name } : {}),
          }),
        (issued) => withPassword(t('server.cli.userAdded', { username: issued.user.username }))(issued),
      );
    });

  user
    .command('list')
    .description(t('server.cli.cmdUserList'))
    .option('--agency <agency>', t('server.cli.optAgencyFilter'))
    .action(async (options: { agency?: string }) => {
      await cli.run(
        (admin) => admin.call('user.list', options),
        (views) =>
          views.length === 0
            ? t('server.cli.noneFound')
            : grid(
                [t('server.cli.username'), t('server.cli.agency'), t('server.cli.role'), t('server.cli.validUntil'), t('server.cli.state')],
                views.map((view) => [view.username, view.agencyId, view.role, date(view.validUntil), state(view)]),
              ),
      );
    });

  user
    .command('reset-password')
    .description(t('server.cli.cmdUserReset'))
    .requiredOption('--username <name>', t('server.cli.optUsername'))
    .action(async (options: { username: string }) => {
      await cli.run(
        (admin) => admin.call('user.resetPassword', options),
        (issued) => withPassword(t('server.cli.passwordReset', { username: issued.user.username }))(issued),
      );
    });

  user
    .command('disable')
    .description(t('server.cli.cmdUserDisable'))
    .requiredOption('--username <name>', t('server.cli.optUsername'))
    .requiredOption('--reason <text>', t('server.cli.optReason'))
    .action(async (options: { username: string; reason: string }) => {
      await cli.run(
        (admin) => admin.call('user.disable', options),
        (view) => `${t('server.cli.userDisabled', { username: view.username })}\n${describe(view)}`,
      );
    });

  user
    .command('enable')
    .description(t('server.cli.cmdUserEnable'))
    .requiredOption('--username <name>', t('server.cli.optUsername'))
    .action(async (options: { username: string }) => {
      await cli.run(
        (admin) => admin.call('user.enable', options),
        (view) => `${t('server.cli.userEnabled', { username: view.username })}\n${describe(view)}`,
      );
    });
}
