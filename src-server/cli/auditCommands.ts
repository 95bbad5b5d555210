import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { auditAnchorSchema, type AuditAnchor, type AuditVerification } from '../admin/auditVerify';
import type { CliContext } from './cliContext';

export const auditAnchorName = 'audit-anchor';

/** The anchor of the last intact verification, kept outside the database; null when none (or unreadable: said so). */
export function readAuditAnchor(dataDir: string): AuditAnchor | null | 'unreadable' {
  const file = path.join(dataDir, auditAnchorName);
  if (!fs.existsSync(file)) return null;
  try {
    return auditAnchorSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return 'unreadable';
  }
}

/** Replaces the anchor whole (written beside, then renamed): a crash leaves the old one or the new one. */
export function writeAuditAnchor(dataDir: string, anchor: AuditAnchor): void {
  const file = path.join(dataDir, auditAnchorName);
  const next = `${file}.${process.pid}.new`;
  fs.writeFileSync(next, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
  fs.renameSync(next, file);
}

/** `bala-server audit verify`: walks the hash chain; exit 0 intact, 1 naming the first broken entry. */
export function registerAuditCommands(program: Command, cli: CliContext): void {
  const { t } = cli;
  const audit = program.commands.find((command) => command.name() === 'audit');
  if (!audit) throw new Error('the audit command is registered first');
  audit
    .command('verify')
    .description(t('server.cli.cmdAuditVerify'))
    .action(async () => {
      const dataDir = cli.dataDir();
      if (dataDir === null) return;
      const stored = readAuditAnchor(dataDir);
      if (stored === 'unreadable') cli.io.err(t('server.cli.auditAnchorUnreadable', { file: path.join(dataDir, auditAnchorName) }));
      const anchor = stored === 'unreadable' ? null : stored;
      let intact = true;
      await cli.run(
        async (admin) => {
          const result = await admin.call('audit.verify', { anchor });
          if (result.intact && result.last) writeAuditAnchor(dataDir, { ...result.last, at: cli.now().toISOString() });
          return result;
        },
        (result: AuditVerification) => {
          intact = result.intact;
          const note = t('server.cli.auditChainNote');
          if (result.intact) {
            const anchored = result.last ? t('server.cli.auditAnchored', { seq: result.last.seq, file: path.join(dataDir, auditAnchorName) }) : '';
            return [t('server.cli.auditIntact', { entries: result.entries }), anchored, note].filter(Boolean).join('\n');
          }
          const broken = result.broken;
          const where = { seq: broken?.seq ?? '?', id: broken?.id ?? '-', at: broken?.at ?? '-', action: broken?.action ?? '-', entries: result.entries, anchor: anchor?.seq ?? '?' };
          return [t('server.cli.auditBroken', where), t(`server.cli.auditBreak_${broken?.kind ?? 'altered'}`, where), note].join('\n');
        },
      );
      if (!intact) cli.exit(1);
    });
}
