import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { BackupError, backupPublicKey, keyFingerprint, restoreBackup, type BackupResult, type RestoreResult } from '../admin/backup';
import { osActor } from '../admin/openAdmin';
import type { CliContext } from './cliContext';
import { report, table } from './cliOutput';

/** `bala-server backup` and `restore`: the database and the server's keys, sealed to the administrator's RSA key. */
export function registerBackupCommands(program: Command, cli: CliContext): void {
  const { t, io } = cli;

  /** Backup refusals are reported like the administration verbs' (code BACKUP_<CODE>, exit 1). */
  const refusing = async (body: () => Promise<void>): Promise<void> => {
    try {
      await body();
    } catch (error) {
      if (!(error instanceof BackupError)) throw error;
      const code = `BACKUP_${error.code}`;
      cli.exit(report(io, { ok: false, error: { code, message: t(`server.cli.backupErr_${error.code}`, error.params) } }, cli.json(), () => ''));
    }
  };

  const readKeyFile = (file: string): string => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      throw new BackupError('KEY_UNREADABLE');
    }
  };

  program
    .command('backup')
    .description(t('server.cli.cmdBackup'))
    .requiredOption('--out <file>', t('server.cli.optBackupOut'))
    .requiredOption('--to <public-key.pem>', t('server.cli.optBackupTo'))
    .action(async (options: { out: string; to: string }) => {
      await refusing(async () => {
        const out = path.resolve(options.out);
        const publicKeyPem = readKeyFile(options.to);
        const recipient = keyFingerprint(backupPublicKey(publicKeyPem));
        if (fs.existsSync(out)) throw new BackupError('FILE_EXISTS', { file: out });
        await cli.run(
          (admin) => admin.call('backup.create', { out, publicKeyPem }),
          (result: BackupResult) =>
            [
              t('server.cli.backupDone', { file: result.file }),
              table([
                [t('server.cli.backupTables'), String(result.tables)],
                [t('server.cli.backupRows'), String(result.rows)],
                [t('server.cli.backupBytes'), String(result.bytes)],
                [t('server.cli.backupRecipient'), recipient],
              ]),
              t('server.cli.backupAdvice'),
            ].join('\n'),
        );
      });
    });

  program
    .command('restore')
    .description(t('server.cli.cmdRestore'))
    .requiredOption('--from <file>', t('server.cli.optRestoreFrom'))
    .requiredOption('--key <private-key.pem>', t('server.cli.optRestoreKey'))
    .action(async (options: { from: string; key: string }) => {
      const dataDir = cli.dataDir();
      if (dataDir === null) return;
      await refusing(async () => {
        const privateKeyPem = readKeyFile(options.key);
        await cli.finish(
          () =>
            restoreBackup({
              from: path.resolve(options.from),
              privateKeyPem,
              passphrase: cli.env.BALA_BACKUP_KEY_PASSPHRASE || undefined,
              dataDir,
              pgUrl: cli.pgUrl(),
              actor: osActor(),
              now: cli.now(),
            }),
          (result: RestoreResult) =>
            [
              t('server.cli.restoreDone', { dir: result.dataDir, createdAt: result.createdAt }),
              table([
                [t('server.cli.storage'), t(`server.cli.storage_${result.storage}`)],
                [t('server.cli.backupTables'), String(result.tables)],
                [t('server.cli.backupRows'), String(result.rows)],
              ]),
              t('server.cli.restoreNext'),
            ].join('\n'),
        );
      });
    });
}
