import crypto from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FormValues, PersonNameValue } from '../../../shared/forms/formTypes';
import { findForm } from '../../../shared/forms/packTypes';
import { withinReach } from '../../../shared/forms/readReach';
import { translatorFor } from '../../../shared/i18n/translator';
import { registryPacks } from '../../../shared/packs';
import { kgResidentialReports } from '../../../shared/packs/kg-residential/reports';
import { kgStatistics } from '../../../shared/packs/kg-residential/reports/statistics';
import type { BackendContext } from '../../../src-main/api/handlers';
import { printHandlers } from '../../../src-main/api/printHandlers';
import { recordHandlers } from '../../../src-main/api/recordHandlers';
import { reportHandlers } from '../../../src-main/api/reportHandlers';
import { BalaError } from '../../../src-main/api/balaError';
import { RecordStore } from '../../../src-main/records/recordStore';
import { openCache, type CacheDatabase } from '../../../src-main/store/cacheDatabase';
import { samplePupil } from '../../support/pupilSamples';
import { tempDir } from '../../support/tempDir';
import { readWorkbook } from '../reports/workbookReading';

/*
 * Issue 12, point 4: one cache serves every operator of a workstation. A central reader pulled
 * the whole registry here; the data holder, the territorial and the departmental reader signed in
 * on the same workstation each read exactly their role's reach — list, search, get, duplicates,
 * alerts, the §21 report, the pupil list, criteria search, print — and an id out of reach is
 * NOT_FOUND, as if the record were not there.
 */

const pupilForm = findForm(registryPacks, 'kg-residential.pupil')?.form ?? (() => { throw new Error('no pupil form'); })();
const t = translatorFor('en');

/** The workstation's agency: a region-level home (territory KG-C), department known only from a pull. */
const own = { id: 'agency-1', name: 'Home A', kind: 'childrens_home', country: 'KG', territory: 'KG-C' };
const agencies = [
  { id: 'agency-1', name: 'Home A', territory: 'KG-C', department: 'education' },
  { id: 'home-region', name: 'Home in the region', territory: 'KG-C-KEM', department: 'health' },
  { id: 'home-other', name: 'Home elsewhere', territory: 'KG-O-ALA', department: 'social' },
  { id: 'home-dept', name: 'Home of the department', territory: 'KG-T-TON', department: 'education' },
];
const surnameOf = { 'agency-1': 'Асанова', 'home-region': 'Бекова', 'home-other': 'Осмонова', 'home-dept': 'Токтогулова' } as const;
type Holder = keyof typeof surnameOf;
const everyone: Holder[] = ['agency-1', 'home-region', 'home-other', 'home-dept'];

const reachOf: Record<string, Holder[]> = {
  data_holder: ['agency-1'],
  territorial_reader: ['agency-1', 'home-region'],
  department_reader: ['agency-1', 'home-dept'],
  central_reader: everyone,
};

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

interface Seeded {
  db: CacheDatabase;
  dir: string;
  ids: Record<Holder, string>;
  pins: Record<Holder, string>;
}

/** The cache after a central reader's pull: one pupil per holder, the holders' agencies as the server named them. */
function seededCache(): Seeded {
  const temp = tempDir('bala-reach-');
  cleanups.push(temp.cleanup);
  const db = openCache(path.join(temp.dir, 'cache.db'), crypto.randomBytes(32), { create: true });
  cleanups.unshift(() => db.close());
  db.prepare(
    "INSERT INTO workstation (id, name, agency_json, scope_json, server_url, tls_server_name, ca_cert_pem, client_key_pem, client_cert_pem, profile_id, profile_expires_at, activated_at) VALUES ('ws-1', 'w', ?, '{}', 'u', 't', 'c', 'k', 'c', 'p', 'e', 'a')",
  ).run(JSON.stringify(own));
  const insertAgency = db.prepare('INSERT INTO agencies (id, name, territory, department) VALUES (@id, @name, @territory, @department)');
  for (const agency of agencies) insertAgency.run(agency);
  const store = new RecordStore(db);
  const ids = {} as Record<Holder, string>;
  const pins = {} as Record<Holder, string>;
  everyone.forEach((holder, i) => {
    const values: FormValues = { ...samplePupil(i), name: { surname: surnameOf[holder], givenName: 'Айпери' }, admittedOn: '2024-09-02', placementTerm: 'temporary', disability: false };
    pins[holder] = values.pin as string;
    if (holder === 'agency-1') {
      ids[holder] = store.create(pupilForm, values, 'holder1').id;
    } else {
      // As a pull stores it: the server's version, held by another agency.
      const id = crypto.randomUUID();
      store.receive(pupilForm, { id, formVersion: pupilForm.version, subjectId: null, values, revision: 3, createdAt: '2024-09-02T08:00:00Z', createdBy: 'x', updatedAt: '2024-09-02T08:00:00Z', updatedBy: 'x' }, 'all', holder);
      ids[holder] = id;
    }
  });
  return { db, dir: temp.dir, ids, pins };
}

/** A backend context as the session gives it to handlers: the operator of `role` signed in on this cache. */
function contextFor(seeded: Seeded, role: string): BackendContext {
  const session = {
    work: () => ({ db: seeded.db, username: 'op', role }),
    database: () => seeded.db,
    status: () => ({ state: 'signedIn', workstationName: 'w', agencyName: own.name, user: { username: 'op', displayName: 'Operator', role }, mustChangePassword: false, verifiedOnline: false }),
  };
  return {
    dataDir: seeded.dir,
    packs: registryPacks,
    session,
    sync: { outboxChanged: () => undefined },
    events: { emit: () => undefined },
    language: () => 'en',
    t: () => t,
  } as unknown as BackendContext;
}

const surnames = (titles: readonly string[]) => titles.map((title) => title.split(' ')[0]).sort();
const expectedSurnames = (holders: readonly Holder[]) => holders.map((holder) => surnameOf[holder]).sort();

async function codeOf(run: () => unknown): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    return error instanceof BalaError ? error.code : String(error);
  }
}

describe('the rule (shared/forms/readReach)', () => {
  const reader = { id: 'agency-1', territory: 'KG-C', department: 'education' };
  it('is the server’s: own agency always; territory by prefix; department when known; all; unknown refuses', () => {
    expect(withinReach('agency', reader, { id: 'agency-1' })).toBe(true);
    expect(withinReach('agency', reader, { id: 'home-region', territory: 'KG-C-KEM' })).toBe(false);
    expect(withinReach('territory', reader, { id: 'home-region', territory: 'KG-C-KEM' })).toBe(true);
    expect(withinReach('territory', reader, { id: 'home-other', territory: 'KG-O-ALA' })).toBe(false);
    expect(withinReach('territory', reader, { id: 'home-x', territory: null })).toBe(false);
    expect(withinReach('territory', { id: 'agency-1', territory: '' }, { id: 'home-region', territory: 'KG-C-KEM' })).toBe(false);
    expect(withinReach('department', reader, { id: 'home-dept', department: 'education' })).toBe(true);
    expect(withinReach('department', reader, { id: 'home-region', department: 'health' })).toBe(false);
    expect(withinReach('department', { id: 'agency-1', territory: 'KG-C', department: null }, { id: 'home-y', department: null })).toBe(false);
    expect(withinReach('all', reader, null)).toBe(true);
    expect(withinReach('agency', reader, null)).toBe(false);
  });
});

describe('one cache, each operator within their reach (issue 12, point 4)', () => {
  for (const [role, holders] of Object.entries(reachOf)) {
    it(`${role} lists, searches, gets, matches and is warned about exactly its reach`, async () => {
      const seeded = seededCache();
      const ctx = contextFor(seeded, role);
      const listed = await recordHandlers['records.list']({ formId: pupilForm.id, limit: 100, offset: 0 }, ctx);
      expect(surnames(listed.map((record) => record.title))).toEqual(expectedSurnames(holders));

      // A name every record shares, and each PIN.
      const searched = await recordHandlers['records.search']({ formId: pupilForm.id, query: 'Айпери', limit: 50 }, ctx);
      expect(surnames(searched.map((record) => record.title))).toEqual(expectedSurnames(holders));
      for (const holder of everyone) {
        const byPin = await recordHandlers['records.search']({ formId: pupilForm.id, query: seeded.pins[holder], limit: 50 }, ctx);
        expect(byPin.length, `${role} searching ${holder}'s PIN`).toBe(holders.includes(holder) ? 1 : 0);
      }

      for (const holder of everyone) {
        const id = seeded.ids[holder];
        const got = await codeOf(() => recordHandlers['records.get']({ id }, ctx));
        expect(got, `${role} get ${holder}`).toBe(holders.includes(holder) ? 'ok' : 'NOT_FOUND');
        expect(await codeOf(() => recordHandlers['records.history']({ id }, ctx)), `${role} history ${holder}`).toBe(holders.includes(holder) ? 'ok' : 'NOT_FOUND');
      }

      // The duplicates check of the same child names only what the operator may open.
      for (const holder of everyone) {
        const values = (new RecordStore(seeded.db).get(seeded.ids[holder])?.values ?? {});
        const matches = await recordHandlers['records.checkDuplicates']({ formId: pupilForm.id, values }, ctx);
        expect(matches.map((match) => match.recordId), `${role} duplicates of ${holder}`).toEqual(holders.includes(holder) ? [seeded.ids[holder]] : []);
      }

      // Temporary placements since 2024-09: past six months, each an alert — only within reach.
      const alerts = await recordHandlers['records.alerts'](undefined, ctx);
      const alerted = new Set(alerts.filter((alert) => alert.formId === pupilForm.id).map((alert) => alert.recordId));
      expect([...alerted].sort()).toEqual(holders.map((holder) => seeded.ids[holder]).sort());
    });

    it(`${role}: the §21 report, the pupil list, criteria search and print are of its reach only`, { timeout: 60_000 }, async () => {
      const seeded = seededCache();
      const ctx = contextFor(seeded, role);
      const run = await reportHandlers['reports.run']({ reportId: kgStatistics.id, anonymised: false }, ctx);
      const byInstitution = run.tables.find((table) => table.id === 'pupilsByInstitution');
      expect(byInstitution?.rows.map((row) => row.code).sort()).toEqual([...holders].sort());
      const totalColumn = byInstitution?.columns.findIndex((column) => column.kind === 'total') ?? -1;
      expect(byInstitution?.totals[totalColumn]).toBe(holders.length);

      const pupilList = kgResidentialReports.reports.find((report) => report.id === 'kg-residential.pupilList');
      const file = await reportHandlers['reports.export']({ reportId: pupilList?.id ?? '', anonymised: false }, ctx);
      const { sheets } = await readWorkbook(Buffer.from(file.contentBase64, 'base64'));
      // The list's name column: every cell naming one of the children, whoever's they are.
      const named = (sheets.at(-1)?.cells ?? []).flat().map(String).filter((cell) => everyone.some((holder) => cell.startsWith(surnameOf[holder])));
      expect(surnames(named)).toEqual(expectedSurnames(holders));

      const found = await reportHandlers['reports.criteriaSearch']({ packId: 'kg-residential', criteria: [{ field: 'placementTerm', value: 'temporary' }], limit: 100 }, ctx);
      expect(found.count).toBe(holders.length);
      expect(surnames((found.names ?? []).map((name) => name.title))).toEqual(expectedSurnames(holders));

      for (const holder of everyone) {
        const printed = await codeOf(() => printHandlers['print.card']({ recordId: seeded.ids[holder] }, ctx));
        expect(printed, `${role} print ${holder}`).toBe(holders.includes(holder) ? 'ok' : 'NOT_FOUND');
      }
      const batch = await printHandlers['print.batch']({ formId: pupilForm.id }, ctx);
      expect(batch.stamps.map((stamp) => stamp.recordId).sort()).toEqual(holders.map((holder) => seeded.ids[holder]).sort());
    });
  }

  it('an update or an event about a record out of reach is NOT_FOUND too; a PIN clash does not name it', async () => {
    const seeded = seededCache();
    const ctx = contextFor(seeded, 'data_holder');
    const other = new RecordStore(seeded.db).get(seeded.ids['home-other']);
    expect(await codeOf(() => recordHandlers['records.update']({ id: seeded.ids['home-other'], baseRevision: other?.revision ?? 1, values: other?.values ?? {} }, ctx))).toBe('NOT_FOUND');
    expect(
      await codeOf(() => recordHandlers['records.create']({ formId: 'kg-residential.discharge', subjectId: seeded.ids['home-other'], values: { dischargedOn: '2026-01-10', reason: 'returnedToParents' } }, ctx)),
    ).toBe('NOT_FOUND');
    // The same event about the operator's own child is accepted: the refusal above is the reach.
    expect(
      await codeOf(() => recordHandlers['records.create']({ formId: 'kg-residential.discharge', subjectId: seeded.ids['agency-1'], values: { dischargedOn: '2026-01-10', reason: 'returnedToParents' } }, ctx)),
    ).toBe('ok');
    const clash = { ...(other?.values ?? {}), name: { surname: 'Другая', givenName: 'Фамилия' } as PersonNameValue };
    try {
      RecordStore.forReader(seeded.db, { reach: 'agency', holders: ['agency-1'] }).create(pupilForm, clash, 'op');
      throw new Error('saved');
    } catch (error) {
      expect(error instanceof BalaError && error.code).toBe('DUPLICATE_PIN');
      expect(error instanceof BalaError && error.params).toEqual({});
    }
  });
});
