import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3-multiple-ciphers';
import { localToday } from '../shared/forms/dates';
import type { FormDef, FormValues } from '../shared/forms/formTypes';
import { classifierMap, type PackDef } from '../shared/forms/packTypes';
import { validateForm } from '../shared/forms/validateForm';
import { registryPacks } from '../shared/packs';
import { RecordStore } from '../src-main/records/recordStore';
import { migrate, openCache, type CacheDatabase } from '../src-main/store/cacheDatabase';
import { printFigure } from './measure';

const pupils = Number(process.env.BALA_BENCH_PUPILS ?? 200_000);
const surnames = ['Асанова', 'Бекова', 'Осмонова', 'Токтогулова', 'Жумабекова', 'Алиева', 'Сейитова', 'Мамытова', 'Усенбаева', 'Кадырова'];
const givenNames = ['Айпери', 'Нурай', 'Бакыт', 'Айгүл', 'Эрлан', 'Мирлан', 'Жылдыз', 'Азамат', 'Салтанат', 'Бектур'];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const syllables = ['ай', 'бек', 'кул', 'нур', 'сай', 'тал', 'жан', 'бол', 'мир', 'ту'];
/** A distinct letters-only surname stem for `i` (names may not contain digits). */
const stem = (i: number) => `${syllables[i % 10] ?? ''}${syllables[Math.floor(i / 10) % 10] ?? ''}${syllables[Math.floor(i / 100) % 10] ?? ''}`;

/** A plausible, valid pupil card for number `i` (PIN consistent with birth date and sex). */
function pupil(i: number, fixed: FormValues): FormValues {
  const female = i % 2 === 0;
  const day = 1 + (i % 28);
  const month = 1 + (Math.floor(i / 28) % 12);
  const year = 2008 + (i % 15);
  return {
    name: { surname: `${surnames[i % 10] ?? ''}-${stem(i % 1000)}`, givenName: givenNames[(i >> 3) % 10] ?? '' },
    sex: female ? 'female' : 'male',
    birthDate: `${year}-${pad(month)}-${pad(day)}`,
    pin: `${female ? 1 : 2}${pad(day)}${pad(month)}${year}${pad(i % 100_000, 5)}`,
    admittedOn: '2024-09-02',
    ...fixed,
  };
}

function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

function timeEach(count: number, run: (i: number) => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    run(i);
    times.push(performance.now() - started);
  }
  return times;
}

interface Figures {
  searchName: number;
  searchPin: number;
  duplicates: number;
  save: number;
}

function measure(db: CacheDatabase, pack: PackDef, form: FormDef, codes: FormValues): Figures {
  const store = new RecordStore(db);
  const fill = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) store.create(form, pupil(i, codes), 'bench');
  });
  for (let from = 0; from < pupils; from += 5000) fill(from, Math.min(pupils, from + 5000));
  const ctx = { classifiers: classifierMap(pack), today: localToday() };
  const searchName = percentile(timeEach(500, (i) => store.search(form, `${(surnames[i % 10] ?? '').slice(0, 4)} ${givenNames[i % 10] ?? ''}`, 50)), 95);
  const searchPin = percentile(timeEach(500, (i) => store.search(form, (pupil((i * 7919) % pupils, codes).pin as string).slice(0, 9), 50)), 95);
  const duplicates = percentile(timeEach(500, (i) => store.possibleDuplicates(form, pupil(pupils + i, codes))), 95);
  const save = percentile(
    timeEach(500, (i) => {
      const values = pupil(pupils + 1000 + i, codes);
      if (validateForm(form, values, ctx).length > 0) throw new Error('bench pupil invalid');
      store.create(form, values, 'bench');
    }),
    95,
  );
  return { searchName, searchPin, duplicates, save };
}

/** Issue 4's targets with 200k pupils: search, duplicate check, save — encrypted vs a plain copy. */
export function benchRecords(): void {
  const pack = registryPacks.find((candidate) => candidate.forms.some((form) => form.identity?.pin));
  const form = pack?.forms.find((candidate) => candidate.identity?.pin);
  if (!pack || !form) {
    console.log('records: skipped — no registered pack has a form with a PIN (register Pack 1 in shared/packs/index.ts)');
    return;
  }
  // The first fitting code of each required choice, so every bench card passes the form's validator.
  const classifiers = classifierMap(pack);
  const fixed: FormValues = {};
  for (const field of form.sections.flatMap((section) => section.fields)) {
    if (!field.required || field.id in pupil(0, {})) continue;
    if (field.kind === 'yesNo') fixed[field.id] = false;
    if (field.kind === 'choice' || field.kind === 'territory') {
      const level = field.kind === 'territory' ? field.level : undefined;
      const entry = classifiers[field.classifier]?.entries.find((candidate) => !level || candidate.kind === level);
      if (entry) fixed[field.id] = entry.code;
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bala-bench-records-'));
  try {
    const encrypted = openCache(path.join(dir, 'cache.db'), crypto.randomBytes(32), { create: true });
    const secure = measure(encrypted, pack, form, fixed);
    encrypted.close();
    const plain = new Database(path.join(dir, 'plain.db'));
    plain.pragma('journal_mode = WAL');
    plain.pragma('synchronous = NORMAL');
    plain.pragma('cache_size = -65536');
    migrate(plain);
    const base = measure(plain, pack, form, fixed);
    plain.close();
    const rows: [string, keyof Figures, number][] = [
      ['search by name fragment, p95 (aim ≤ 30 ms)', 'searchName', 30],
      ['search by PIN prefix, p95 (aim ≤ 30 ms)', 'searchPin', 30],
      ['duplicate check for a new child, p95 (aim ≤ 20 ms)', 'duplicates', 20],
      ['save a pupil card: validate + write + history, p95 (aim ≤ 10 ms)', 'save', 10],
    ];
    for (const [name, key] of rows) {
      printFigure({ name: `${pupils / 1000}k pupils, ${name}`, value: secure[key], baselineName: 'unencrypted copy', baseline: base[key], unit: 'ms' });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
