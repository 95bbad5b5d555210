// Mutation testing (issue 22). Run it with `npm run mutate` (scripts/mutate.mjs), which runs Stryker
// once per module of scripts/mutation/modules.json with BALA_MUTATE_MODULE set: each module has its
// own mutated files, its own tests (vitest.mutate.config.ts reads the same list), its own
// incremental file and its own HTML report under reports/mutation/<module>/ (an ignored folder).
import fs from 'node:fs';

const modules = JSON.parse(fs.readFileSync(new URL('./scripts/mutation/modules.json', import.meta.url), 'utf8'));
const name = process.env.BALA_MUTATE_MODULE ?? 'forms';
const module = modules[name];
if (!module) throw new Error(`no mutation module "${name}" (scripts/mutation/modules.json has: ${Object.keys(modules).join(', ')})`);
const out = `reports/mutation/${name}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants) need the test environment reloaded for each; with the
  // vitest runner that restart crashed Stryker 10.1 outright, and they cost 41 % of the time. They
  // are reported as ignored (docs/testing.md says so); the module-level rules they touch (the PIN
  // patterns, the classifier tables) are pinned by ordinary tests.
  ignoreStatic: true,
  mutate: module.mutate,
  ignorePatterns: ['/test-results', '/tests/e2e/artifacts', '/reports', '/release', '/.tmp', '/.stryker-tmp'],
  incremental: true,
  incrementalFile: `${out}/stryker-incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: false },
  htmlReporter: { fileName: `${out}/index.html` },
  jsonReporter: { fileName: `${out}/mutation.json` },
  concurrency: Number(process.env.BALA_MUTATE_CONCURRENCY ?? 2),
  timeoutMS: 30_000,
  // The first run of the server modules' tests (PGlite, TLS) takes minutes on a loaded 2-core machine.
  dryRunTimeoutMinutes: 30,
  thresholds: { high: 90, low: module.aim, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
