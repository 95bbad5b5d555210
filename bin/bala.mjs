#!/usr/bin/env node
// The `bala` command: the workstation backend in-process, run from its TypeScript sources.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src-main/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
