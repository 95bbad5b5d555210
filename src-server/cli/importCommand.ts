import path from 'node:path';
import type { Command } from 'commander';
import type { HandoverImportResult } from '../handover/importPackage';
import type { CliContext } from './cliContext';

/** `bala-server import FILE --receipt OUT`: a handover package from removable media (docs/handover.md). */
export function registerImportCommand(program: Command, cli: CliContext): void {
  const { t } = cli;
  const human = (result: HandoverImportResult): string =>
    [
      t('handover.serverImported', {
        sequence: result.sequence,
        workstation: result.workstationId,
        createdAt: result.createdAt,
        changes: result.changes,
        accepted: result.accepted,
        alreadyApplied: result.alreadyApplied,
        conflicts: result.conflicts,
        rejected: result.rejected,
        file: result.receiptFile,
      }),
      ...(result.repeat ? [t('handover.serverRepeat')] : []),
      ...(result.gap ? [t('handover.serverGap', { expected: result.gap.expected, received: result.gap.received })] : []),
    ].join('\n');

  program
    .command('import <file>')
    .description(t('handover.serverCmdImport'))
    .requiredOption('--receipt <out>', t('handover.serverOptReceipt'))
    .action(async (file: string, options: { receipt: string }) => {
      await cli.run((admin) => admin.call('handover.import', { packageFile: path.resolve(file), receiptFile: path.resolve(options.receipt) }), human);
    });
}
