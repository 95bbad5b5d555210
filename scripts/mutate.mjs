#!/usr/bin/env node
// npm run mutate [-- <module> ...] [--force] [--record]
// Runs StrykerJS once per module of scripts/mutation/modules.json (all of them when none is named):
// incrementally (only mutants in code or tests changed since that module's last run, and the last
// run's survivors, are run again;
// --force runs every mutant). Then prints each module's score against its aim; --record also writes
// the table into docs/testing.md; --scores-only runs nothing and only prints (or records) the scores
// of the last runs. Reports: reports/mutation/<module>/index.html.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { moduleScore, scoreTable } from './mutation/scores.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modules = JSON.parse(fs.readFileSync(path.join(root, 'scripts/mutation/modules.json'), 'utf8'));
const args = process.argv.slice(2);
const force = args.includes('--force');
const record = args.includes('--record');
const scoresOnly = args.includes('--scores-only');
const named = args.filter((arg) => !arg.startsWith('--'));
const unknown = named.filter((name) => !(name in modules));
if (unknown.length > 0) {
  console.error(`mutate: no module ${unknown.join(', ')}; the modules are: ${Object.keys(modules).join(', ')}`);
  process.exit(2);
}
const chosen = scoresOnly ? [] : named.length > 0 ? named : Object.keys(modules);
const stryker = path.join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js');

/**
 * Stryker 10 reuses an incremental "survived" (or "no coverage") while the mutant's code and the
 * tests that covered it are unchanged, even when a test added since would kill it: those few are
 * always tested again. Killed results are reused as Stryker decides.
 */
function forgetSurvivors(name) {
  const file = path.join(root, 'reports/mutation', name, 'stryker-incremental.json');
  if (!fs.existsSync(file)) return;
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  let dropped = 0;
  for (const entry of Object.values(report.files ?? {})) {
    const kept = entry.mutants.filter((mutant) => mutant.status !== 'Survived' && mutant.status !== 'NoCoverage');
    dropped += entry.mutants.length - kept.length;
    entry.mutants = kept;
  }
  fs.writeFileSync(file, JSON.stringify(report));
  if (dropped > 0) console.log(`mutate: ${dropped} surviving or uncovered mutants of ${name} are tested again`);
}

let failed = false;
for (const name of chosen) {
  console.log(`\nmutate: ${name} — ${modules[name].about}`);
  if (!force) forgetSurvivors(name);
  const run = spawnSync(process.execPath, [stryker, 'run', ...(force ? ['--force'] : [])], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BALA_MUTATE_MODULE: name },
  });
  if (run.status !== 0) {
    console.error(`mutate: Stryker stopped on ${name} (exit ${run.status})`);
    failed = true;
  }
}

const rows = Object.keys(modules).map((name) => ({ name, aim: modules[name].aim, about: modules[name].about, ...moduleScore(path.join(root, 'reports/mutation', name, 'mutation.json')) }));
const table = scoreTable(rows);
console.log(`\n${table}`);
if (record) {
  const file = path.join(root, 'docs/testing.md');
  const text = fs.readFileSync(file, 'utf8');
  const start = '<!-- mutation-scores:start -->';
  const end = '<!-- mutation-scores:end -->';
  const at = text.indexOf(start);
  const until = text.indexOf(end);
  if (at < 0 || until < at) {
    console.error(`mutate: docs/testing.md has no ${start} … ${end} block to write the scores into`);
    process.exit(1);
  }
  fs.writeFileSync(file, `${text.slice(0, at + start.length)}\n${table}\n${text.slice(until)}`);
  console.log('mutate: the scores are written into docs/testing.md');
}
process.exit(failed ? 1 : 0);
