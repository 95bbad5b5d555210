import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3-multiple-ciphers';
import { openCache, type CacheDatabase } from '../src-main/store/cacheDatabase';
import { kekFromPasswordHash, unwrapKey, wrapKey } from '../src-main/security/keyWrap';
import { newScryptParams, operatorKdfCost, scryptHash } from '../src-main/security/scrypt';
import { printFigure } from './measure';

const rows = 200_000;
const lookups = 50_000;
const rangeCounts = 2_000;

const schema = `
  CREATE TABLE bench_child (
    id INTEGER PRIMARY KEY, pin TEXT NOT NULL UNIQUE, surname TEXT NOT NULL, given_name TEXT NOT NULL,
    birth_date TEXT NOT NULL, region INTEGER NOT NULL, notes TEXT NOT NULL);
  CREATE INDEX bench_child_region_birth ON bench_child (region, birth_date);`;

/** Same pragmas as the real cache except the key: the difference measured is the encryption. */
function openPlain(file: string): CacheDatabase {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('temp_store = MEMORY');
  db.pragma('secure_delete = ON');
  db.pragma('cache_size = -65536');
  return db;
}

const pinOf = (i: number) => `2${String(10_000_000_000_000 + i * 7919).slice(-13)}`;
const birthOf = (i: number) => `20${String(5 + (i % 13)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;

interface Timings {
  insert: number;
  lookup: number;
  range: number;
}

function workload(db: CacheDatabase): Timings {
  db.exec(schema);
  const insert = db.prepare('INSERT INTO bench_child (pin, surname, given_name, birth_date, region, notes) VALUES (?, ?, ?, ?, ?, ?)');
  let started = performance.now();
  const batch = db.transaction((from: number) => {
    for (let i = from; i < Math.min(from + 1000, rows); i += 1) {
      insert.run(pinOf(i), `Surname${i % 5000}`, `Name${i % 700}`, birthOf(i), i % 60, 'x'.repeat(120));
    }
  });
  for (let from = 0; from < rows; from += 1000) batch(from);
  const insertMs = performance.now() - started;

  const byPin = db.prepare('SELECT id, surname FROM bench_child WHERE pin = ?');
  started = performance.now();
  for (let i = 0; i < lookups; i += 1) byPin.get(pinOf((i * 104_729) % rows));
  const lookupMs = performance.now() - started;

  const count = db.prepare('SELECT count(*) AS n FROM bench_child WHERE region = ? AND birth_date BETWEEN ? AND ?');
  started = performance.now();
  for (let i = 0; i < rangeCounts; i += 1) count.get(i % 60, '2008-01-01', '2012-12-31');
  const rangeMs = performance.now() - started;
  return { insert: insertMs, lookup: lookupMs, range: rangeMs };
}

/** The encrypted cache against plain SQLite on the same schema and workload, then unlock time. */
export async function benchCache(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bala-bench-cache-'));
  try {
    const plain = openPlain(path.join(dir, 'plain.db'));
    const plainTimes = workload(plain);
    plain.close();
    const dataKey = crypto.randomBytes(32);
    const encrypted = openCache(path.join(dir, 'cache.db'), dataKey, { create: true });
    const encryptedTimes = workload(encrypted);
    encrypted.close();

    const figures: [string, keyof Timings][] = [
      [`${rows / 1000}k inserts, 1000 per transaction`, 'insert'],
      [`${lookups / 1000}k point lookups by PIN`, 'lookup'],
      [`${rangeCounts / 1000}k indexed range counts`, 'range'],
    ];
    for (const [name, key] of figures) {
      printFigure({ name: `encrypted cache: ${name}`, value: encryptedTimes[key], baselineName: 'plain SQLite', baseline: plainTimes[key], unit: 'ms' });
    }
    const total = (t: Timings) => t.insert + t.lookup + t.range;
    printFigure({ name: 'encrypted cache: whole workload (aim ≤ 1.30×)', value: total(encryptedTimes), baselineName: 'plain SQLite', baseline: total(plainTimes), unit: 'ms' });

    // Unlock: password → scrypt → unwrap the data key → open the database → first query.
    const params = newScryptParams();
    const password = 'Bench-password-42';
    const wrapped = wrapKey(dataKey, kekFromPasswordHash(await scryptHash(password, params)), 'bench');
    const unlockTimes: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      const key = unwrapKey(wrapped, kekFromPasswordHash(await scryptHash(password, params)), 'bench');
      if (!key) throw new Error('unwrap failed');
      const db = openCache(path.join(dir, 'cache.db'), key);
      db.prepare('SELECT count(*) FROM bench_child').get();
      unlockTimes.push(performance.now() - started);
      db.close();
    }
    unlockTimes.sort((a, b) => a - b);
    const openStarted = performance.now();
    const plainAgain = openPlain(path.join(dir, 'plain.db'));
    plainAgain.prepare('SELECT count(*) FROM bench_child').get();
    const plainOpen = performance.now() - openStarted;
    plainAgain.close();
    printFigure({
      name: `unlock (scrypt N=2^${Math.log2(operatorKdfCost.N)} r=${operatorKdfCost.r} p=${operatorKdfCost.p}, 32 MiB; aim < 400 ms), median of 5`,
      value: unlockTimes[2] ?? Number.NaN,
      baselineName: 'opening plain SQLite, first query',
      baseline: plainOpen,
      unit: 'ms',
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
