// `npm start`'s entry: built into dist/node/start.mjs by scripts/build-node.mjs.
import { startWorkstation } from './startWorkstation';

process.exitCode = await startWorkstation(process.argv.slice(2));
