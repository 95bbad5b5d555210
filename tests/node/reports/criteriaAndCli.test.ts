import { afterEach, describe, expect, it, vi } from 'vitest';
import { localToday } from '../../../shared/forms/dates';
import type { PersonNameValue } from '../../../shared/forms/formTypes';
import { registryPacks } from '../../../shared/packs';
import { regionOf } from '../../../src-main/reports/reportRun';
import { runCli } from '../../../src-main/cli/main';
import { readWorkbook } from './workbookReading';
import { seededWorkstation } from './reportSeed';
import fs from 'node:fs';
import path from 'node:path';

const territories = registryPacks[0]?.classifiers.find((classifier) => classifier.id === 'kg.territory');

describe('criteria search (Pack 3 §1.9 on Pack 1’s card)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('finds the children placed today matching every criterion — count and names — and a name opens the record', async () => {
    const { client, seeded } = await seededWorkstation('central_reader', 300);
    // The search reads "today" itself: the clock stands still from here, so the test's today is
    // the search's today even when the test runs across midnight.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const today = localToday();
    if (!territories) throw new Error('no territories');
    const present = seeded.pupils.filter((pupil) => pupil.values.admittedOn as string <= today && (pupil.dischargedOn === null || pupil.dischargedOn >= today));
    const criteria = [
      { field: 'disability', value: false },
      { field: 'placementTerm', value: 'temporary' },
      { field: 'cameFrom', value: 'KG-O' },
    ];
    const matching = present.filter((pupil) => pupil.values.disability === false && pupil.values.placementTerm === 'temporary' && regionOf(territories, pupil.values.cameFrom as string) === 'KG-O');
    const found = await client.call('reports.criteriaSearch', { packId: 'kg-residential', criteria });
    if (!found.ok) throw new Error(found.error.message);
    expect(matching.length).toBeGreaterThan(0);
    expect(found.value.count).toBe(matching.length);
    const title = (values: (typeof matching)[number]['values']) => {
      const name = values.name as PersonNameValue;
      return [name.surname, name.givenName, name.patronymic].filter(Boolean).join(' ');
    };
    expect(found.value.names?.map((entry) => entry.title).sort()).toEqual(matching.map((pupil) => title(pupil.values)).sort());
    const first = found.value.names?.[0];
    const opened = await client.call('records.get', { id: first?.id ?? '' });
    expect(opened.ok && title(opened.value.values)).toBe(first?.title);
    // A value not in the list is refused, not silently matched to nothing.
    const wrong = await client.call('reports.criteriaSearch', { packId: 'kg-residential', criteria: [{ field: 'placementTerm', value: 'forever' }] });
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('INVALID_INPUT');
  });

  it('gives a role that sees only totals the count alone', async () => {
    const { client } = await seededWorkstation('local_administration', 80);
    const found = await client.call('reports.criteriaSearch', { packId: 'kg-residential', criteria: [{ field: 'sex', value: 'female' }] });
    expect(found.ok && found.value.count).toBeGreaterThan(0);
    expect(found.ok && found.value.names).toBeNull();
  });
});

describe('bala report', () => {
  it('lists the reports and writes an anonymised workbook in Kyrgyz for a period', { timeout: 60_000 }, async () => {
    const { backend, dir } = await seededWorkstation('system_operator', 60);
    await backend.close();
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => err.push(text) };
    process.env.BALA_USER = 'op';
    process.env.BALA_PASSWORD = 'Generated-Pass-1';
    try {
      expect(await runCli(['--data', dir, '--lang', 'en', 'report', '--list'], io)).toBe(0);
      expect(out.join('\n')).toContain('kg-residential.statistics');
      expect(out.join('\n')).toContain('kg-residential.pupilList');
      const file = path.join(dir, 'report.xlsx');
      const code = await runCli(['--data', dir, '--lang', 'ky', 'report', 'kg-residential.statistics', '--out', file, '--from', '2026-01-01', '--to', '2026-06-30', '--anonymised'], io);
      expect(code, err.join('\n')).toBe(0);
      const { sheets } = await readWorkbook(fs.readFileSync(file));
      expect(sheets[0]?.name).toBe('Титулдук барак');
      expect(sheets[0]?.cells.flat().join(' ')).toContain('Ооба');
      expect(await runCli(['--data', dir, 'report', 'kg-residential.statistics'], io)).toBe(2);
    } finally {
      delete process.env.BALA_USER;
      delete process.env.BALA_PASSWORD;
    }
  });
});
