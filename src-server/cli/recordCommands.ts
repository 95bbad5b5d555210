import type { Command } from 'commander';
import type { CliContext } from './cliContext';
import { grid, table } from './cliOutput';

/** `records list`, `records show ID`: what the registry holds, each reading audited. */
export function registerRecordCommands(program: Command, cli: CliContext): void {
  const { t } = cli;
  const records = program.command('records').description(t('server.cli.cmdRecords'));

  records
    .command('list')
    .description(t('server.cli.cmdRecordsList'))
    .option('--form <id>', t('server.cli.optRecordForm'))
    .option('--agency <id>', t('server.cli.optRecordAgency'))
    .option('--limit <n>', t('server.cli.optLimit'), (value) => Number(value), 50)
    .action(async (options: { form?: string; agency?: string; limit: number }) => {
      await cli.run(
        (admin) => admin.call('records.list', options),
        (views) =>
          views.length === 0
            ? t('server.cli.noneFound')
            : grid(
                [t('server.cli.recordId'), t('server.cli.recordForm'), t('server.cli.agency'), t('server.cli.revision'), t('server.cli.updated')],
                views.map((view) => [view.id, view.formId, view.agencyId, String(view.revision), `${view.updatedAt} ${view.updatedBy}`]),
              ),
      );
    });

  records
    .command('show <id>')
    .description(t('server.cli.cmdRecordsShow'))
    .action(async (id: string) => {
      await cli.run(
        (admin) => admin.call('records.show', { id }),
        (view) =>
          [
            table([
              [t('server.cli.recordId'), view.id],
              [t('server.cli.recordForm'), `${view.formId} v${view.formVersion}`],
              [t('server.cli.agency'), view.agencyId],
              [t('server.cli.revision'), String(view.revision)],
              [t('server.cli.updated'), `${view.updatedAt} ${view.updatedBy}`],
            ]),
            JSON.stringify(view.values, null, 2),
            grid(
              [t('server.cli.revision'), t('server.cli.workstation'), t('server.cli.author'), t('server.cli.madeAt'), t('server.cli.receivedAt'), t('server.cli.sections')],
              view.revisions.map((r) => [String(r.revision), r.workstationId, r.author, r.madeAt, r.receivedAt, r.sections.join(',')]),
            ),
          ].join('\n\n'),
      );
    });
}
