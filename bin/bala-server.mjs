#!/usr/bin/env node
// The `bala-server` command: the central server's administration and HTTPS service, from the build in dist/node/.
import { runBuilt } from './built.mjs';

await runBuilt('bala-server');
