import type { ReportCount, ReportTableView } from '../../../shared/api/reports';
import { formatNumber } from '../../../shared/i18n/format';
import type { Language } from '../../../shared/i18n/languages';

const shown = (value: ReportCount, language: Language) => (value === null ? '*' : formatNumber(value, language));

/** One report table as the workbook has it: rows, the split columns, their total, further measures, the totals row. */
export function ReportTable({ table, language, totalLabel }: { table: ReportTableView; language: Language; totalLabel: string }) {
  return (
    <table className="report-table">
      <caption>{table.title}</caption>
      <thead>
        <tr>
          <th scope="col">{table.rowsLabel}</th>
          {table.columns.map((column) => (
            <th key={column.id} scope="col" className={`report-table__${column.kind}`}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.code || '—'}>
            <th scope="row">{row.label}</th>
            {row.cells.map((cell, index) => (
              <td key={table.columns[index]?.id ?? index} className={cell === null ? 'report-table__hidden' : undefined}>
                {shown(cell, language)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{totalLabel}</th>
          {table.totals.map((cell, index) => (
            <td key={table.columns[index]?.id ?? index}>{shown(cell, language)}</td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}
