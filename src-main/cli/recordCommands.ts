import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { report, table } from './output';
import type { CliSession } from './sessionCommands';
import { runSignedIn, type SignedInCli } from './signIn';

/** `bala records add|list|show`: the same record operations as the window, signed in from the environment. */
export function registerRecordCommands(program: Command, cli: CliSession): void {
  const { io, helpT } = cli;
  const records = program.command('records').description(helpT('cli.cmdRecords'));

  const withSession = (work: (session: SignedInCli) => Promise<number>) => () => runSignedIn(cli, work);

  records
    .command('add')
    .description(helpT('cli.cmdRecordsAdd'))
    .requiredOption('--form <id>', helpT('cli.optForm'))
    .requiredOption('--file <file.json>', helpT('cli.optValuesFile'))
    .option('--subject <id>', helpT('cli.optSubject'))
    .option('--reason <text>', helpT('cli.optDuplicateReason'))
    .action((options: { form: string; file: string; subject?: string; reason?: string }) =>
      withSession(async ({ client, backend }) => {
        const t = backend.ctx.t();
        let values: unknown;
        try {
          values = JSON.parse(fs.readFileSync(path.resolve(options.file), 'utf8'));
        } catch {
          return report(io, { ok: false, error: { code: 'INVALID_INPUT', message: t('cli.valuesFileUnreadable', { file: options.file }) } }, cli.json(), () => '');
        }
        const result = await client.call('records.create', {
          formId: options.form,
          values: values as Record<string, unknown>,
          ...(options.subject ? { subjectId: options.subject } : {}),
          ...(options.reason ? { newDespiteDuplicates: options.reason } : {}),
        });
        return report(io, result, cli.json(), (record) => t('cli.recordSaved', { id: record.id, revision: record.revision }));
      })(),
    );

  records
    .command('list')
    .description(helpT('cli.cmdRecordsList'))
    .requiredOption('--form <id>', helpT('cli.optForm'))
    .option('--search <text>', helpT('cli.optSearch'))
    .action((options: { form: string; search?: string }) =>
      withSession(async ({ client, backend }) => {
        const t = backend.ctx.t();
        const result = options.search
          ? await client.call('records.search', { formId: options.form, query: options.search })
          : await client.call('records.list', { formId: options.form });
        return report(io, result, cli.json(), (found) =>
          found.length === 0 ? t('cli.noRecords') : found.map((record) => `${record.id}  r${record.revision}  ${record.updatedAt.slice(0, 10)}  ${record.title}`).join('\n'),
        );
      })(),
    );

  records
    .command('show <id>')
    .description(helpT('cli.cmdRecordsShow'))
    .action((id: string) =>
      withSession(async ({ client, backend }) => {
        const t = backend.ctx.t();
        const result = await client.call('records.get', { id });
        return report(io, result, cli.json(), (record) =>
          [
            table([
              [t('cli.recordId'), record.id],
              [t('cli.recordForm'), record.formId],
              [t('cli.recordRevision'), `${record.revision} (${record.updatedBy}, ${record.updatedAt})`],
            ]),
            JSON.stringify(record.values, null, 2),
          ].join('\n'),
        );
      })(),
    );
}
