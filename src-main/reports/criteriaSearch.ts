import type { CriteriaSearchView } from '../../shared/api/reports';
import { localToday } from '../../shared/forms/dates';
import type { FormValues } from '../../shared/forms/formTypes';
import { classifierMap, type PackDef } from '../../shared/forms/packTypes';
import type { CriteriaSearchDef } from '../../shared/reports/reportTypes';
import { BalaError } from '../api/balaError';
import type { ReaderScope } from '../records/readerScope';
import type { CacheDatabase } from '../store/cacheDatabase';
import { materialisePopulationSliced } from './population';
import { regionOf } from './reportRun';

let searchCounter = 0;

/**
 * Pack 3 §1.9: the records matching every chosen criterion, among those present today; the
 * count always, the names only where `withNames` (a role that sees records).
 */
export async function criteriaSearch(
  db: CacheDatabase,
  pack: PackDef,
  def: CriteriaSearchDef,
  chosen: readonly { field: string; value: string | boolean }[],
  /** `scope`: whose records the operator may read (readerScope): only those are counted and named. */
  options: { limit: number; withNames: boolean; titleOf: (values: FormValues) => string; scope: ReaderScope; today?: string },
): Promise<CriteriaSearchView> {
  const form = pack.forms.find((candidate) => candidate.id === def.population.formId);
  if (!form) throw new BalaError('NOT_FOUND');
  const fields = new Map(form.sections.flatMap((section) => section.fields).map((field) => [field.id, field]));
  const classifiers = classifierMap(pack);
  const criteria = chosen.map(({ field, value }) => {
    const criterion = def.criteria.find((candidate) => candidate.field === field);
    const fieldDef = fields.get(field);
    if (!criterion || !fieldDef) throw new BalaError('INVALID_INPUT');
    if (fieldDef.kind === 'yesNo') {
      if (typeof value !== 'boolean') throw new BalaError('INVALID_INPUT');
      return { field, values: [value ? 1 : 0] };
    }
    if ((fieldDef.kind !== 'choice' && fieldDef.kind !== 'territory') || typeof value !== 'string') throw new BalaError('INVALID_INPUT');
    const classifier = classifiers[fieldDef.classifier];
    if (!classifier?.entries.some((entry) => entry.code === value)) throw new BalaError('INVALID_INPUT');
    // A region matches every district and city within it.
    const values = criterion.byRegion ? classifier.entries.filter((entry) => regionOf(classifier, entry.code) === value || entry.code === value).map((entry) => entry.code) : [value];
    return { field, values };
  });
  const today = options.today ?? localToday();
  searchCounter += 1;
  const found = await materialisePopulationSliced(db, { ...def.population, id: `criteria_${searchCounter}` }, [], { from: today, to: today, criteria, scope: options.scope });
  try {
    const { count } = db.prepare(`SELECT count(*) AS count FROM temp.${found.table}`).get() as { count: number };
    if (!options.withNames) return { count, names: null };
    const rows = db
      .prepare(`SELECT r.id, r.values_json FROM temp.${found.table} p JOIN records r ON r.id = p.id ORDER BY json_extract(r.values_json, ?), r.id LIMIT ?`)
      .all(form.titleField ? `$.${form.titleField}` : '$.id', options.limit) as { id: string; values_json: string }[];
    return { count, names: rows.map((row) => ({ id: row.id, formId: form.id, title: options.titleOf(JSON.parse(row.values_json) as FormValues) })) };
  } finally {
    db.exec(`DROP TABLE IF EXISTS temp.${found.table}; DROP TABLE IF EXISTS temp.${found.table}_ended`);
  }
}
