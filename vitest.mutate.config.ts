import { defineConfig } from 'vitest/config';

/**
 * The tests a mutation run uses for `shared/forms/` (npm run mutate): the unit tests of the rules,
 * which import the source directly. Tests that run the built commands as child processes cannot
 * see a mutant (it lives in the test process's memory), so they are left out of this run.
 */
export default defineConfig({
  test: {
    include: ['tests/node/forms/**/*.test.ts', 'tests/node/mutants/formRules.test.ts', 'tests/node/records/duplicateProbe.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
