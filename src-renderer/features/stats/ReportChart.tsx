import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip, type ChartData, type ChartOptions } from 'chart.js';
import { useRef } from 'react';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { ReportTableView } from '../../../shared/api/reports';
import { saveFile } from './saveFile';

ChartJS.register(BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const palette = ['#1f5fa8', '#c8553d', '#3a8d5d', '#8a5fbf', '#d4a017', '#5b6675'];

/** A report table as bars: one bar series per split column (by sex), or the count where there is no split. */
export function ReportChart({ table }: { table: ReportTableView }) {
  const { t } = useTranslation();
  const chart = useRef<ChartJS<'bar'>>(null);
  const series = table.columns.map((column, index) => ({ column, index })).filter(({ column }) => column.kind === 'split');
  const plotted = series.length > 0 ? series : table.columns.map((column, index) => ({ column, index })).filter(({ column }) => column.kind === 'total');
  // Suppressed counts are drawn as gaps, never as zero.
  const data: ChartData<'bar', (number | null)[], string> = {
    labels: table.rows.map((row) => row.label),
    datasets: plotted.map(({ column, index }, n) => ({ label: column.label, data: table.rows.map((row) => row.cells[index] ?? null), backgroundColor: palette[n % palette.length] ?? '#1f5fa8' })),
  };
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    // No animation: the PNG saved is the chart as shown, and screenshots are stable.
    animation: false,
    indexAxis: table.rows.length > 8 ? 'y' : 'x',
    plugins: { legend: { position: 'bottom' } },
    scales: { x: { stacked: false, ticks: { autoSkip: false } }, y: { beginAtZero: true, ticks: { precision: 0 } } },
  };
  const savePng = () => {
    const image = chart.current?.toBase64Image('image/png', 1);
    if (!image) return;
    const bytes = Uint8Array.from(atob(image.slice(image.indexOf(',') + 1)), (char) => char.charCodeAt(0));
    saveFile(`${table.id}.png`, new Blob([bytes], { type: 'image/png' }));
  };
  return (
    <figure className="report-chart">
      <div className="report-chart__canvas" style={{ height: `${Math.max(260, table.rows.length > 8 ? table.rows.length * 26 : 300)}px` }}>
        <Bar ref={chart} data={data} options={options} role="img" aria-label={t('reports.chartOf', { title: table.title })} />
      </div>
      <figcaption>
        <button type="button" className="secondary-button" onClick={savePng}>
          {t('reports.savePng')}
        </button>
      </figcaption>
    </figure>
  );
}
