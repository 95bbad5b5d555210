import fs from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * The tests a mutation run uses (npm run mutate): for the module in BALA_MUTATE_MODULE, the tests
 * scripts/mutation/modules.json names. They import the source in this process. Tests that run the
 * built commands as child processes cannot see a mutant (it lives in the test process's memory),
 * so the lists leave them out. The server's tests run on PGlite here (BALA_TEST_PG_URL unset).
 */
const modules = JSON.parse(fs.readFileSync(new URL('./scripts/mutation/modules.json', import.meta.url), 'utf8')) as Record<string, { tests: string[] }>;
const name = process.env.BALA_MUTATE_MODULE ?? 'forms';
const module = modules[name];
if (!module) throw new Error(`no mutation module "${name}"`);

export default defineConfig({
  test: {
    include: module.tests,
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
