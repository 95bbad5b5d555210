import path from 'node:path';
import type { Command } from 'commander';
import { report } from './output';
import type { CliSession } from './sessionCommands';
import { runSignedIn, type SignedInCli } from './signIn';

/**
 * `bala handover export --to DIR` and `bala handover receipt FILE` (docs/handover.md): the same
 * operations as the dashboard's panel, signed in from the environment. Exit 0 done, 1 refused;
 * 3: the receipt came back with conflicts or rejections for the operator (as `bala sync`).
 */
export function registerHandoverCommands(program: Command, cli: CliSession): void {
  const { io, helpT } = cli;
  const withSession = (work: (session: SignedInCli) => Promise<number>) => runSignedIn(cli, work);

  const handover = program.command('handover').description(helpT('handover.cliGroup'));
  handover
    .command('export')
    .description(helpT('handover.cliExport'))
    .requiredOption('--to <dir>', helpT('handover.cliOptTo'))
    .action((options: { to: string }) =>
      withSession(async ({ client, backend }) => {
        const t = backend.ctx.t();
        const result = await client.call('handover.export', { folder: path.resolve(options.to) });
        return report(io, result, cli.json(), (written) => t('handover.exported', { sequence: written.sequence, file: written.file, changes: written.changes }));
      }),
    );
  handover
    .command('receipt <file>')
    .description(helpT('handover.cliReceipt'))
    .action((file: string) =>
      withSession(async ({ client, backend }) => {
        const t = backend.ctx.t();
        const result = await client.call('handover.importReceipt', { source: { kind: 'path', path: path.resolve(file) } });
        const code = report(io, result, cli.json(), (receipt) =>
          [
            t('handover.receiptDone', { sequence: receipt.sequence, delivered: receipt.delivered, conflicts: receipt.conflicts, rejected: receipt.rejected }),
            ...(receipt.gap ? [t('handover.receiptGap', { expected: receipt.gap.expected, received: receipt.gap.received })] : []),
          ].join('\n'),
        );
        if (code === 0 && result.ok && result.value.conflicts + result.value.rejected > 0) {
          if (!cli.json()) io.err(t('handover.receiptAttention'));
          return 3;
        }
        return code;
      }),
    );
}
