import type { FieldDef, FormValues } from '../../shared/forms/formTypes';
import type { ReportListDef } from '../../shared/reports/reportTypes';
import type { PopulationTable } from './population';
import type { LabelContext } from './reportLabels';
import type { ReportRunContext } from './reportRun';
import type { ListSheet } from './reportWorkbook';

/** Rows per page: small enough that a page's cells are little memory, large enough that paging costs nothing. */
const pageSize = 2000;

type Cell = string | number | Date | null;

function cellOf(field: FieldDef, value: unknown, labels: LabelContext): Cell {
  if (value === undefined || value === null || value === '') return null;
  switch (field.kind) {
    case 'personName': {
      const name = value as { surname?: string; givenName?: string; patronymic?: string };
      return [name.surname, name.givenName, name.patronymic].filter(Boolean).join(' ');
    }
    case 'choice':
    case 'territory':
      return labels.classifiers[field.classifier]?.entries.find((entry) => entry.code === value)?.names[labels.language] ?? (typeof value === 'string' ? value : null);
    case 'yesNo':
      return value === true ? labels.t('records.yes') : labels.t('records.no');
    case 'date':
      // Midnight UTC: Excel's date serial of that calendar day, whatever the workstation's zone.
      return typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    default:
      return typeof value === 'string' ? value : null;
  }
}

/**
 * A list of a run's population, read from the cache page by page (keyset on a temporary
 * ordering table), so the writer streams it and the connection is free between pages.
 */
export function listSheet(ctx: ReportRunContext, list: ReportListDef, population: PopulationTable, labels: LabelContext): ListSheet {
  const form = ctx.pack.forms.find((candidate) => candidate.id === population.population.formId);
  if (!form) throw new Error(`list ${list.id}: no form ${population.population.formId}`);
  const fields = new Map(form.sections.flatMap((section) => section.fields).map((field) => [field.id, field]));
  const columns = list.columns.map((column) => ('holder' in column ? { holder: true as const, header: column.label[ctx.language] } : { field: fields.get(column.field), header: fields.get(column.field)?.label[ctx.language] ?? column.field }));
  const order = `report_list_${population.table}`;
  const titlePath = form.titleField ? `$.${form.titleField}` : '$.id';
  const pages = async function* (): AsyncGenerator<Cell[][]> {
    ctx.db.exec(`DROP TABLE IF EXISTS temp.${order}`);
    ctx.db
      .prepare(`CREATE TEMP TABLE ${order} AS SELECT p.id, p.holder FROM temp.${population.table} p JOIN records r ON r.id = p.id ORDER BY p.holder, json_extract(r.values_json, ?), p.id`)
      .run(titlePath);
    const page = ctx.db.prepare(`SELECT l.rowid AS n, l.holder, r.values_json FROM temp.${order} l JOIN records r ON r.id = l.id WHERE l.rowid > ? ORDER BY l.rowid LIMIT ${pageSize}`);
    try {
      let after = 0;
      for (;;) {
        const rows = page.all(after) as { n: number; holder: string | null; values_json: string }[];
        if (rows.length === 0) break;
        after = rows[rows.length - 1]?.n ?? after;
        yield rows.map((row) => {
          const values = JSON.parse(row.values_json) as FormValues;
          return columns.map((column): Cell => {
            if ('holder' in column) return row.holder ? (labels.holders.get(row.holder) ?? row.holder) : labels.t('reports.holderUnknown');
            return column.field ? cellOf(column.field, values[column.field.id], labels) : null;
          });
        });
        // Let the zip stream drain and other calls in between pages.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      ctx.db.exec(`DROP TABLE IF EXISTS temp.${order}`);
    }
  };
  return {
    title: list.title[ctx.language],
    headers: columns.map((column) => column.header),
    kinds: columns.map((column) => ('holder' in column ? 'text' : column.field?.kind === 'date' ? 'date' : column.field?.kind === 'number' ? 'number' : 'text')),
    pages: pages(),
  };
}
