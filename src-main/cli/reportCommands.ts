import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { report as printResult } from './output';
import type { CliSession } from './sessionCommands';
import { signInFromEnvironment } from './signIn';

interface ReportOptions {
  out?: string;
  from?: string;
  to?: string;
  region?: string;
  anonymised?: boolean;
  list?: boolean;
}

/** `bala report REPORT_ID --out FILE.xlsx [--from --to --region --anonymised]`, `bala report --list`. */
export function registerReportCommands(program: Command, cli: CliSession): void {
  const { io, helpT } = cli;
  program
    .command('report [reportId]')
    .description(helpT('reports.cliCommand'))
    .option('--out <file.xlsx>', helpT('reports.cliOut'))
    .option('--from <date>', helpT('reports.cliFrom'))
    .option('--to <date>', helpT('reports.cliTo'))
    .option('--region <code>', helpT('reports.cliRegion'))
    .option('--anonymised', helpT('reports.cliAnonymised'))
    .option('--list', helpT('reports.cliList'))
    .action(async (reportId: string | undefined, options: ReportOptions) => {
      if (!options.list && (!reportId || !options.out)) {
        io.err(helpT('reports.cliUsage'));
        cli.exit(2);
        return;
      }
      const session = await signInFromEnvironment(cli);
      if (!session) return;
      const { client, backend } = session;
      const t = backend.ctx.t();
      try {
        if (options.list || !reportId || !options.out) {
          const found = await client.call('reports.list');
          cli.exit(
            printResult(io, found, cli.json(), (reports) =>
              reports.length === 0 ? t('reports.cliNone') : reports.map((entry) => `${entry.id}  ${entry.title}${entry.personal ? `  ${t('reports.cliPersonal')}` : ''}`).join('\n'),
            ),
          );
          return;
        }
        const out = path.resolve(options.out);
        const period = { ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}), ...(options.region ? { region: options.region } : {}) };
        const input = { reportId, anonymised: options.anonymised === true, ...period };
        const [file, run] = [await client.call('reports.export', input), await client.call('reports.run', input)];
        if (file.ok) fs.writeFileSync(out, Buffer.from(file.value.contentBase64, 'base64'), { mode: 0o600 });
        cli.exit(
          printResult(io, file.ok ? run : file, cli.json(), (view) =>
            t('reports.cliWritten', { file: out, tables: view.tables.length, suppressed: view.tables.reduce((sum, table) => sum + table.suppressedCells, 0) }),
          ),
        );
      } finally {
        await client.call('session.signOut');
      }
    });
}
