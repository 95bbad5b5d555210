import type { Classifier } from '../../../shared/forms/classifier';
import type { FormValues } from '../../../shared/forms/formTypes';
import { classifierMap } from '../../../shared/forms/packTypes';
import type { CacheDatabase } from '../../../src-main/store/cacheDatabase';
import { pack } from './reportSeed';

/*
 * The counts a report must show, worked out here by another route: plain SQL over the records'
 * JSON (not the facts the engine reads) and plain code for ages, stays and regions.
 */

const classifiers = classifierMap(pack);
const territory = classifiers['kg.territory'] as Classifier;
const name = (classifier: string, code: unknown) => classifiers[classifier]?.entries.find((entry) => entry.code === code)?.names.en ?? 'Not stated';
const regionName = (code: unknown) => {
  let entry = territory.entries.find((candidate) => candidate.code === code);
  while (entry?.parent) entry = territory.entries.find((candidate) => candidate.code === entry?.parent);
  return entry?.names.en ?? 'Not stated';
};
const districtName = (code: unknown) => {
  const entry = territory.entries.find((candidate) => candidate.code === code);
  const parent = entry?.parent ? territory.entries.find((candidate) => candidate.code === entry.parent) : undefined;
  return entry ? (parent ? `${parent.names.en} — ${entry.names.en}` : entry.names.en) : 'Not stated';
};
const wholeYears = (from: string, to: string) => Number(to.slice(0, 4)) - Number(from.slice(0, 4)) - (to.slice(5) < from.slice(5) ? 1 : 0);
const wholeMonths = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) - (to.slice(8) < from.slice(8) ? 1 : 0);
const band = (value: number, bounds: number[], labels: string[]) => labels[bounds.findIndex((bound) => value < bound) === -1 ? labels.length - 1 : bounds.findIndex((bound) => value < bound)] ?? '';

export interface Row {
  values: FormValues;
  holder: string;
  ended: string | null;
}

/** row label → column label → count, and the sums every total must equal. */
export type Expected = Map<string, Map<string, number>>;

function group(rows: readonly Row[], rowKey: (row: Row) => string, columns: (row: Row) => [string, number][]): Expected {
  const out: Expected = new Map();
  for (const row of rows) {
    const key = rowKey(row);
    const cells = out.get(key) ?? new Map<string, number>();
    for (const [column, add] of columns(row)) cells.set(column, (cells.get(column) ?? 0) + add);
    out.set(key, cells);
  }
  return out;
}

export function loadRows(db: CacheDatabase, holders: ReadonlyMap<string, string>): { institutions: Row[]; pupils: (from: string, to: string) => Row[] } {
  const read = (formId: string) =>
    db
      .prepare(
        `SELECT r.id, r.values_json, (SELECT min(json_extract(d.values_json, '$.dischargedOn')) FROM records d WHERE d.subject_id = r.id AND d.form_id = 'kg-residential.discharge') AS ended
         FROM records r WHERE r.form_id = ?`,
      )
      .all(formId) as { id: string; values_json: string; ended: string | null }[];
  const toRow = (row: { id: string; values_json: string; ended: string | null }): Row => ({ values: JSON.parse(row.values_json) as FormValues, holder: holders.get(row.id) ?? '', ended: row.ended });
  const pupils = read('kg-residential.pupil').map(toRow);
  return {
    institutions: read('kg-residential.institution').map(toRow),
    pupils: (from, to) => pupils.filter((row) => (row.values.admittedOn as string) <= to && (row.ended === null || row.ended >= from)),
  };
}

const ages = ['0–2 years', '3–6 years', '7–10 years', '11–14 years', '15–17 years', '18 and over'];
const stays = ['Up to 6 months', '6 months to 1 year', '1 to 3 years', 'Over 3 years'];

/** The expected table of each sheet of the §21 report, by the table's id. */
export function expectedTables(institutions: readonly Row[], pupils: readonly Row[], to: string, holderName: (code: string) => string): Record<string, Expected> {
  const institutionColumns = (row: Row): [string, number][] => [['Number', 1], ['Planned capacity (places)', Number(row.values.plannedCapacity)]];
  const bySex = (extra: boolean) => (row: Row): [string, number][] => [
    [name('common.sex', row.values.sex), 1],
    ['Total', 1],
    ...(extra ? ([['Of whom with a disability', row.values.disability === true ? 1 : 0]] as [string, number][]) : []),
  ];
  const warnUntil = new Date(Date.parse(`${to}T00:00:00Z`) + 60 * 86_400_000).toISOString().slice(0, 10);
  const accreditation = (row: Row) => {
    const until = row.values.accreditationValidUntil;
    if (typeof until !== 'string') return 'Not accredited';
    return until < to ? 'Expired' : until <= warnUntil ? 'Expires within 60 days' : 'Valid';
  };
  return {
    institutionsByOwnership: group(institutions, (row) => name('kg-residential.ownershipForm', row.values.ownershipForm), institutionColumns),
    institutionsByType: group(institutions, (row) => name('kg-residential.institutionType', row.values.institutionType), institutionColumns),
    institutionsByDepartment: group(institutions, (row) => name('kg-residential.department', row.values.department), institutionColumns),
    institutionsByRegion: group(institutions, (row) => regionName(row.values.territory), institutionColumns),
    institutionsByAccreditation: group(institutions, accreditation, institutionColumns),
    pupilsByInstitution: group(pupils, (row) => holderName(row.holder), bySex(true)),
    pupilsBySex: group(pupils, (row) => (row.values.disability === true ? 'Yes' : 'No'), bySex(false)),
    pupilsByAge: group(pupils, (row) => band(wholeYears(row.values.birthDate as string, to), [3, 7, 11, 15, 18], ages), bySex(true)),
    pupilsByPlacementTerm: group(pupils, (row) => name('kg-residential.placementTerm', row.values.placementTerm), bySex(false)),
    pupilsByLegalStatus: group(pupils, (row) => name('kg-residential.legalStatus', row.values.legalStatus), bySex(false)),
    pupilsByReferringBody: group(pupils, (row) => name('kg-residential.referringBody', row.values.referringBody), bySex(false)),
    pupilsByPlacementReason: group(pupils, (row) => name('kg-residential.placementReason', row.values.placementReason), bySex(false)),
    pupilsByRegionOfOrigin: group(pupils, (row) => regionName(row.values.cameFrom), bySex(true)),
    pupilsByDistrictOfOrigin: group(pupils, (row) => districtName(row.values.cameFrom), bySex(false)),
    pupilsByStay: group(pupils, (row) => band(wholeMonths(row.values.admittedOn as string, row.ended && row.ended < to ? row.ended : to), [6, 12, 36], stays), bySex(false)),
  };
}
