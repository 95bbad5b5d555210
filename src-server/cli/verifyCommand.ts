import type { Command } from 'commander';
import type { RegistryCopyVerification } from '../admin/copyVerification';
import type { CliContext } from './cliContext';

/** `bala-server verify CODE`: does a paper copy match the registry? Exit 0 only for the current revision. */
export function registerVerifyCommand(program: Command, cli: CliContext): void {
  const { t } = cli;
  const message = (answer: RegistryCopyVerification): string => {
    const id = answer.recordId ?? '';
    switch (answer.outcome) {
      case 'current':
        return t('print.verifyCurrent', { id, revision: answer.matchedRevision ?? '' });
      case 'superseded':
        return t('print.verifySuperseded', { id, revision: answer.matchedRevision ?? '', current: answer.currentRevision ?? '' });
      case 'mismatch':
        return t('print.verifyMismatch', { id });
      case 'unknown':
        return t('print.verifyUnknown', { id });
      default:
        return t('print.verifyUnreadable');
    }
  };

  program
    .command('verify <code...>')
    .description(t('print.cliVerify'))
    .action(async (words: string[]) => {
      let outcome: RegistryCopyVerification['outcome'] | null = null;
      await cli.run(
        (admin) => admin.call('records.verifyCopy', { code: words.join(' ') }),
        (answer) => {
          outcome = answer.outcome;
          return message(answer);
        },
      );
      if (outcome !== null && outcome !== 'current') cli.exit(1);
    });
}
