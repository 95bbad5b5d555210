// The `bala` command's entry: built into dist/node/bala.mjs by scripts/build-node.mjs.
import { runCli } from './main';

process.exitCode = await runCli(process.argv.slice(2));
