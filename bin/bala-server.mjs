#!/usr/bin/env node
// The `bala-server` command: the central server's administration and HTTPS service, run from its TypeScript sources.
import { register } from 'tsx/esm/api';

register();
const { runServerCli } = await import('../src-server/cli/main.ts');
process.exitCode = await runServerCli(process.argv.slice(2));
