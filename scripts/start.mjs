#!/usr/bin/env node
// `npm start`: Electron where its binary exists, otherwise browser mode (see src-main/start), from the build in dist/node/.
import { runBuilt } from '../bin/built.mjs';

await runBuilt('start');
