import type { Command } from 'commander';
import type { CliSession } from './sessionCommands';
import { signInFromEnvironment } from './signIn';

/**
 * `bala sync`: one push-and-pull cycle, signed in from the environment. Exit 0: everything
 * delivered; 1: the server could not be reached or refused (the reason is printed, the changes
 * stay in the outbox); 3: delivered, but conflicts or rejections wait for the operator (2 is
 * wrong usage, as for every verb).
 */
export function registerSyncCommands(program: Command, cli: CliSession): void {
  const { io, helpT } = cli;
  program
    .command('sync')
    .description(helpT('cli.cmdSync'))
    .action(async () => {
      const session = await signInFromEnvironment(cli);
      if (!session) return;
      const { client, backend } = session;
      const t = backend.ctx.t();
      try {
        const before = await client.call('sync.status');
        const after = await client.call('sync.now');
        if (!after.ok || !before.ok) {
          const error = after.ok ? (before.ok ? null : before.error) : after.error;
          io.err(t('sync.cliFailed', { message: error ? `${error.code}: ${error.message}` : '' }));
          cli.exit(1);
          return;
        }
        const status = after.value;
        if (cli.json()) io.out(JSON.stringify(after, null, 2));
        if (status.state === 'offline' || status.state === 'refused' || status.pending > 0) {
          io.err(t('sync.cliFailed', { message: status.problem?.message ?? t('sync.pending', { count: status.pending }) }));
          cli.exit(1);
          return;
        }
        const delivered = Math.max(0, before.value.pending - status.pending - (status.conflicts - before.value.conflicts) - (status.rejected - before.value.rejected));
        if (!cli.json()) io.out(t('sync.cliDone', { delivered, conflicts: status.conflicts, rejected: status.rejected, pending: status.pending }));
        if (status.conflicts + status.rejected > 0) {
          io.err(t('sync.cliAttention'));
          cli.exit(3);
          return;
        }
        cli.exit(0);
      } finally {
        await client.call('session.signOut');
      }
    });
}
