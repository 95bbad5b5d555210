// The mutation score of one module from Stryker's JSON report (mutation-testing-report-schema):
// detected (killed or timed out) over valid mutants (those that compiled and ran: survived and
// not-covered count against the score; compile and runtime errors and ignored mutants do not).
import fs from 'node:fs';

export function moduleScore(reportFile) {
  if (!fs.existsSync(reportFile)) return { measured: false };
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 };
  for (const file of Object.values(report.files)) {
    for (const mutant of file.mutants) if (mutant.status in counts) counts[mutant.status] += 1;
  }
  const detected = counts.Killed + counts.Timeout;
  const valid = detected + counts.Survived + counts.NoCoverage;
  const when = fs.statSync(reportFile).mtime.toISOString().slice(0, 10);
  return { measured: true, detected, valid, survived: counts.Survived, noCoverage: counts.NoCoverage, score: valid === 0 ? 100 : (100 * detected) / valid, when };
}

export function scoreTable(rows) {
  const lines = ['| Module | What | Score | Aim | Killed / valid | Survived | Not covered | Measured |', '|---|---|---:|---:|---:|---:|---:|---|'];
  for (const row of rows) {
    if (!row.measured) {
      lines.push(`| ${row.name} | ${row.about} | not yet measured | ${row.aim} % | | | | |`);
      continue;
    }
    const mark = row.score >= row.aim ? '' : ' (below aim)';
    lines.push(`| ${row.name} | ${row.about} | ${row.score.toFixed(1)} %${mark} | ${row.aim} % | ${row.detected} / ${row.valid} | ${row.survived} | ${row.noCoverage} | ${row.when} |`);
  }
  return lines.join('\n');
}
