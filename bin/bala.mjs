#!/usr/bin/env node
// The `bala` command: the workstation backend in-process, from the build in dist/node/.
import { runBuilt } from './built.mjs';

await runBuilt('bala');
