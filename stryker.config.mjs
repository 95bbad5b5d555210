// Mutation testing (issue 22): `npm run mutate` — incremental on what changed since the last run;
// `npm run mutate -- --force` runs every mutant again. The HTML report: reports/mutation/index.html.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  mutate: ['shared/forms/deadlines.ts', 'shared/forms/workingDays.ts', 'shared/forms/dates.ts', 'shared/forms/validateForm.ts', 'shared/forms/nameMatching.ts', 'shared/forms/pin/**/*.ts', 'shared/forms/access.ts'],
  ignorePatterns: ['/dist', '/test-results', '/tests/e2e/artifacts', '/reports', '/release', '/.tmp'],
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 2,
  timeoutMS: 30_000,
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
};
