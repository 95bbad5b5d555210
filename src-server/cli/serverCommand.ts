// The `bala-server` command's entry: built into dist/node/bala-server.mjs by scripts/build-node.mjs.
import { runServerCli } from './main';

process.exitCode = await runServerCli(process.argv.slice(2));
