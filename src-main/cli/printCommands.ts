import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { report } from './output';
import type { CliSession } from './sessionCommands';
import { runSignedIn, type SignedInCli } from './signIn';

/**
 * `bala print RECORD_ID --out FILE.pdf`, `bala print --form FORM --all --out FILE.pdf` and
 * `bala verify CODE`. The global --lang chooses the paper copy's language too. The PDF is written
 * only to the file the operator names (owner-only permissions), never to a temporary file.
 */
export function registerPrintCommands(program: Command, cli: CliSession): void {
  const { io, helpT } = cli;

  const withSession = (work: (session: SignedInCli) => Promise<number>) => runSignedIn(cli, work);

  program
    .command('print [recordId]')
    .description(helpT('print.cliPrint'))
    .requiredOption('--out <file.pdf>', helpT('print.cliOut'))
    .option('--form <id>', helpT('print.cliForm'))
    .option('--all', helpT('print.cliAll'))
    .option('--head <name>', helpT('print.cliHead'))
    .action((recordId: string | undefined, options: { out: string; form?: string; all?: boolean; head?: string }) => {
      if (!recordId && !(options.form && options.all)) {
        io.err(helpT('print.cliNeedTarget'));
        cli.exit(2);
        return Promise.resolve();
      }
      return withSession(async ({ client, backend }) => {
        const t = backend.ctx.t();
        const head = options.head ? { headName: options.head } : {};
        const result = recordId ? await client.call('print.card', { recordId, ...head }) : await client.call('print.batch', { formId: options.form, ...head });
        return report(io, result, cli.json(), (printed) => {
          const file = path.resolve(options.out);
          fs.writeFileSync(file, Buffer.from(printed.pdfBase64, 'base64'), { mode: 0o600 });
          return [t('print.cliWritten', { file, cards: printed.cards, pages: printed.pages }), ...printed.stamps.map((stamp) => `${stamp.recordId}  r${stamp.revision}  ${stamp.code}`)].join('\n');
        });
      });
    });

  program
    .command('verify <code...>')
    .description(helpT('print.cliVerify'))
    .action((words: string[]) =>
      withSession(async ({ client }) => {
        const result = await client.call('print.verify', { code: words.join(' ') });
        if (!result.ok || cli.json()) return report(io, result, cli.json(), () => '');
        // Only a copy of the current revision is valid: anything else is a refusal (exit 1).
        (result.value.outcome === 'current' ? io.out : io.err)(result.value.message);
        return result.value.outcome === 'current' ? 0 : 1;
      }),
    );
}
