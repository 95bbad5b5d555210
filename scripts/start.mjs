#!/usr/bin/env node
// `npm start`: Electron where its binary exists, otherwise browser mode (see src-main/start).
import { register } from 'tsx/esm/api';

register();
const { startWorkstation } = await import('../src-main/start/startWorkstation.ts');
process.exitCode = await startWorkstation(process.argv.slice(2));
