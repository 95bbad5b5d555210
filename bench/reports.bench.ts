import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FormValues } from '../shared/forms/formTypes';
import { findForm } from '../shared/forms/packTypes';
import { recordFacts } from '../src-main/records/recordFacts';
import { openCache } from '../src-main/store/cacheDatabase';
import { printFigure } from './measure';
import { holderOf, institutionCount, institutionValues, pack, pupilCount, pupilValues } from './reportsData';

const formOf = (id: string) => findForm([pack], id)?.form ?? (() => { throw new Error(id); })();

/** The registry written straight into an encrypted cache (records and their facts): the bench measures reading, not saving. */
function seed(file: string, key: Buffer): void {
  const db = openCache(file, key, { create: true });
  const record = db.prepare("INSERT INTO records (id, form_id, form_version, values_json, revision, created_at, created_by, updated_at, updated_by, subject_id) VALUES (?, ?, 1, ?, 1, '2026-01-01T00:00:00Z', 'bench', '2026-01-01T00:00:00Z', 'bench', ?)");
  const facts = db.prepare('INSERT INTO record_facts (form_id, record_id, subject_id, holder, facts) VALUES (?, ?, ?, ?, jsonb(?))');
  const put = (formId: string, id: string, values: FormValues, holder: string, subject: string | null) => {
    record.run(id, formId, JSON.stringify(values), subject);
    facts.run(formId, id, subject, holder, JSON.stringify(recordFacts(formOf(formId), values)));
  };
  const [institution, pupil, discharge] = ['kg-residential.institution', 'kg-residential.pupil', 'kg-residential.discharge'];
  db.transaction(() => {
    for (let i = 0; i < institutionCount; i += 1) put(institution ?? '', `i-${i}`, institutionValues(i), 'registry', null);
  })();
  for (let start = 0; start < pupilCount; start += 20_000) {
    db.transaction(() => {
      for (let i = start; i < Math.min(pupilCount, start + 20_000); i += 1) {
        put(pupil ?? '', `p-${i}`, pupilValues(i), holderOf(i), null);
        // One child in ten has left: some before the period, some within it.
        if (i % 10 === 0) put(discharge ?? '', `d-${i}`, { dischargedOn: `${2025 + (i % 2)}-0${1 + (i % 9)}-10`, reason: 'returnedToFamily' }, holderOf(i), `p-${i}`);
      }
    })();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

function task(name: string, file: string, key: Buffer, out: string, env: Record<string, string> = {}): { ms: number; peakMB: number; bytes: number } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'reportsTask.ts'), name, file, key.toString('hex'), out], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`${name}: ${run.stderr}`);
  const last = run.stdout.trim().split('\n').pop() ?? '{}';
  return JSON.parse(last) as { ms: number; peakMB: number; bytes: number };
}

/** Issue 7's targets: the full §21 report and the list of every pupil to xlsx, beside exceljs writing the same cells. */
export function benchReports(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bala-bench-reports-'));
  try {
    const key = crypto.randomBytes(32);
    const file = path.join(dir, 'cache.db');
    const seeding = Date.now();
    seed(file, key);
    console.log(`seeded ${pupilCount} pupils in ${institutionCount} institutions in ${((Date.now() - seeding) / 1000).toFixed(1)} s`);
    const report = task('report', file, key, path.join(dir, 'report.xlsx'));
    const reportBase = task('baselineReport', file, key, path.join(dir, 'base-report.xlsx'), { BALA_BENCH_VIEW: path.join(dir, 'report.xlsx.view.json') });
    const list = task('list', file, key, path.join(dir, 'list.xlsx'));
    const listBase = task('baselineList', file, key, path.join(dir, 'base-list.xlsx'));
    const size = `${pupilCount / 1000}k pupils, ${institutionCount} institutions`;
    printFigure({ name: `${size}: full §21 report to xlsx, time (aim ≤ 5000 ms)`, value: report.ms, baselineName: 'exceljs, same cells, no queries', baseline: reportBase.ms, unit: 'ms' });
    printFigure({ name: `${size}: full §21 report to xlsx, peak memory (aim ≤ 400 MB)`, value: report.peakMB, baselineName: 'exceljs, same cells, no queries', baseline: reportBase.peakMB, unit: 'MB' });
    printFigure({ name: `${size}: list of all pupils to xlsx (${(list.bytes / 1e6).toFixed(1)} MB), time`, value: list.ms, baselineName: 'exceljs, same cells, no queries', baseline: listBase.ms, unit: 'ms' });
    printFigure({ name: `${size}: list of all pupils to xlsx, peak memory`, value: list.peakMB, baselineName: 'exceljs, same cells, no queries', baseline: listBase.peakMB, unit: 'MB' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
