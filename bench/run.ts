import { benchCache } from './cache.bench';
import { benchCommands } from './commands.bench';
import { benchRecords } from './records.bench';
import { benchStartup } from './startup.bench';
import { benchTls } from './tls.bench';
import { benchSync } from './sync.bench';
import { benchPrint } from './print.bench';
import { benchReports } from './reports.bench';
import { benchFirstScreen } from './firstScreen.bench';

/**
 * `npm run bench`: every figure beside a baseline measured in the same run on the same
 * machine, so the ratio means something whatever the machine's speed. Later issues add
 * their benchmarks here.
 */
const benches: [string, () => Promise<void>][] = [
  ['startup', () => benchStartup()],
  ['commands', () => benchCommands()],
  ['cache', () => benchCache()],
  ['records', () => Promise.resolve(benchRecords())],
  ['tls', () => benchTls()],
  ['sync', () => benchSync()],
  ['print', () => benchPrint()],
  ['reports', () => Promise.resolve(benchReports())],
  ['first-screen', () => benchFirstScreen()],
];

const only = process.argv[2];
for (const [name, bench] of benches) {
  if (only && only !== name) continue;
  console.log(`— ${name}`);
  await bench();
}
