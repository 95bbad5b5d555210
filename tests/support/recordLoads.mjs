// `node --import ./recordLoads.mjs …`: writes every module URL the process resolves through ESM
// to the file named by BALA_RECORD_LOADS, one per line (tests of what a command loads).
import { register } from 'node:module';

register('./recordLoadsHooks.mjs', import.meta.url, { data: { file: process.env.BALA_RECORD_LOADS } });
