import type { Command } from 'commander';
import type { AgencyView } from '../admin/agencies';
import type { CliContext } from './cliContext';
import { grid, table } from './cliOutput';

/** `agency add`, `agency list`. */
export function registerAgencyCommands(program: Command, cli: CliContext): void {
  const { t } = cli;
  const agency = program.command('agency').description(t('server.cli.cmdAgency'));

  const describe = (view: AgencyView) =>
    table([
      [t('server.cli.agencyId'), view.id],
      [t('server.cli.agencyName'), view.name],
      [t('server.cli.agencyKind'), view.kind],
      [t('server.cli.country'), view.country],
      [t('server.cli.territory'), view.territory],
      [t('server.cli.tin'), view.tin],
      [t('server.cli.department'), view.department ?? '—'],
    ]);

  agency
    .command('add')
    .description(t('server.cli.cmdAgencyAdd'))
    .requiredOption('--name <name>', t('server.cli.optAgencyName'))
    .requiredOption('--kind <kind>', t('server.cli.optKind'))
    .requiredOption('--country <code>', t('server.cli.optCountry'))
    .requiredOption('--territory <code>', t('server.cli.optTerritory'))
    .requiredOption('--tin <number>', t('server.cli.optTin'))
    .option('--id <id>', t('server.cli.optAgencyId'))
    .option('--department <code>', t('server.cli.optDepartment'))
    .action(async (options: { name: string; kind: string; country: string; territory: string; tin: string; id?: string; department?: string }) => {
      await cli.run(
        (admin) => admin.call('agency.add', options),
        (view) => `${t('server.cli.agencyAdded', { id: view.id })}\n${describe(view)}`,
      );
    });

  agency
    .command('list')
    .description(t('server.cli.cmdAgencyList'))
    .action(async () => {
      await cli.run(
        (admin) => admin.call('agency.list'),
        (views) =>
          views.length === 0
            ? t('server.cli.noneFound')
            : grid(
                [t('server.cli.agencyId'), t('server.cli.agencyName'), t('server.cli.agencyKind'), t('server.cli.country'), t('server.cli.territory'), t('server.cli.tin')],
                views.map((view) => [view.id, view.name, view.kind, view.country, view.territory, view.tin]),
              ),
      );
    });
}
