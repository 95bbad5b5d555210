import crypto from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { workflowRefusalCodes } from '../../../shared/api/cases';
import { catalogues } from '../../../shared/i18n/catalogues';
import { languages } from '../../../shared/i18n/languages';
import { takeEvent } from '../../../shared/workflows/eventBuilders';
import { CaseStore } from '../../../src-main/cases/caseStore';
import { openCache, type CacheDatabase } from '../../../src-main/store/cacheDatabase';
import { tempDir } from '../../support/tempDir';
import { actors, repairWorkflow, stamps } from '../workflows/repairWorkflow';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).reverse().forEach((cleanup) => cleanup()));

function cache(): CacheDatabase {
  const temp = tempDir('bala-case-log-');
  const db = openCache(path.join(temp.dir, 'cache.db'), crypto.randomBytes(32), { create: true });
  cleanups.push(temp.cleanup, () => db.close());
  return db;
}

describe('the case log in the cache (case_events)', () => {
  it('is append-only: a second copy of an id changes nothing, rows are never rewritten or deleted', () => {
    const db = cache();
    const cases = new CaseStore(db);
    const stamp = stamps();
    const first = takeEvent(repairWorkflow, [], stamp(actors.tech1), 'inspect');
    expect(cases.append('record-1', first)).toBe(true);
    // A union by id: the same id again (even with other content) is ignored by the store …
    expect(cases.append('record-1', { ...first, kind: 'take', transition: 'writeOff' })).toBe(false);
    expect(cases.log('record-1')).toEqual([first]);
    // … and refused by the table itself.
    expect(() => db.prepare("INSERT INTO case_events (id, record_id, event_json, at, author) VALUES (?, 'record-1', '{}', ?, 'x')").run(first.id, first.at)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => db.prepare("UPDATE case_events SET event_json = '{}' WHERE id = ?").run(first.id)).toThrow('case log is append-only');
    expect(() => db.prepare("UPDATE case_events SET author = 'someone' WHERE id = ?").run(first.id)).toThrow('case log is append-only');
    expect(() => db.prepare('DELETE FROM case_events WHERE id = ?').run(first.id)).toThrow('case log is append-only');
    // The sync step marks an event sent, once.
    db.prepare("UPDATE case_events SET pushed_at = '2026-12-03T05:00:00Z' WHERE id = ?").run(first.id);
    expect(() => db.prepare("UPDATE case_events SET pushed_at = '2026-12-04T05:00:00Z' WHERE id = ?").run(first.id)).toThrow('case log is append-only');
    expect(db.prepare('SELECT record_id, author, at, pushed_at FROM case_events').all()).toEqual([
      { record_id: 'record-1', author: 'u-tech1', at: first.at, pushed_at: '2026-12-03T05:00:00Z' },
    ]);
  });

  it('reads many cases’ logs at once, each in its own list', () => {
    const cases = new CaseStore(cache());
    const stamp = stamps();
    const a = takeEvent(repairWorkflow, [], stamp(actors.tech1), 'inspect');
    const b = takeEvent(repairWorkflow, [], stamp(actors.tech2), 'inspect');
    cases.append('record-a', a);
    cases.append('record-b', b);
    const logs = cases.logs(['record-a', 'record-b', 'record-c']);
    expect([...logs.entries()]).toEqual([
      ['record-a', [a]],
      ['record-b', [b]],
      ['record-c', []],
    ]);
  });
});

describe('refusal messages', () => {
  it('every refusal of the workflow engine has its own message in all five languages', () => {
    for (const language of languages) {
      const workflow = catalogues[language].workflow as Record<string, string>;
      expect(Object.keys(workflow).sort(), language).toEqual([...workflowRefusalCodes].sort());
      for (const code of workflowRefusalCodes) {
        expect(workflow[code]?.trim(), `${language} ${code}`).toBeTruthy();
        if (language !== 'en') expect(workflow[code], `${language} ${code} is translated`).not.toBe(catalogues.en.workflow[code]);
      }
      expect(new Set(Object.values(workflow)).size, `${language}: one message per refusal`).toBe(workflowRefusalCodes.length);
      expect(workflow.MISSING_PREREQUISITE, language).toContain('{{missing}}');
    }
  });
});
