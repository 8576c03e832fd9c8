/**
 * One chart as a figure: its title, a one-line summary (what a screen reader reads and what someone who cannot
 * read charts needs), a key, the chart, the figures as a table on request (with "Download CSV" when the rows
 * carry their exact values), and "Download PNG" / "Download SVG".
 * The chart itself is drawn at the width this frame measures (or at a fixed width, for tests and reports).
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBinaryFile } from '../api/binary-files';
import { fileNameFor } from '../api/files';
import type { CsvCell } from '../exchange/table-csv';
import { TableCsvButton } from '../exchange/TableCsvButton';
import { standaloneSvg, svgToPngBase64, textToBase64, type LegendItem } from './export';

export interface DataTable {
  columns: string[];
  /**
   * The first cell of each row is its label (a row header); the others are numbers, right-aligned. `values`
   * are the same cells for the CSV file: the label, then exact decimals ({ decimal }) instead of the formatted
   * text. When every row has them, the figures can be downloaded as CSV.
   */
  rows: Array<{ key: string; cells: string[]; values?: CsvCell[] }>;
}

export interface ChartFrameProps {
  /** Stable identifier: test ids, element ids, file names. */
  id: string;
  title: string;
  summary: string;
  /** The project's name, for file names and the exported image's footnote. */
  projectName: string;
  footnote: string;
  unit: string;
  legend?: LegendItem[];
  note?: string;
  table: DataTable;
  /** True when there is nothing to draw; the summary then says why and no buttons are offered. */
  empty?: boolean;
  /** A fixed drawing width in pixels; by default the frame's own width. */
  width?: number;
  wide?: boolean;
  children: (width: number) => ReactNode;
}

const FALLBACK_WIDTH = 640;

function useMeasuredWidth(fixed: number | undefined) {
  const ref = useRef<HTMLDivElement>(null);
  const [measured, setMeasured] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (fixed !== undefined || !element) return;
    const update = () => setMeasured(Math.floor(element.getBoundingClientRect().width));
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [fixed]);
  return { ref, width: fixed ?? (measured > 0 ? measured : FALLBACK_WIDTH) };
}

export function ChartFrame(props: ChartFrameProps) {
  const { t } = useTranslation();
  const { ref, width } = useMeasuredWidth(props.width);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = `chart-${props.id}-title`;
  const csvRows = props.table.rows.flatMap((row) => (row.values ? [row.values] : []));
  const hasCsv = csvRows.length > 0 && csvRows.length === props.table.rows.length;
  // Not the chart's bare title: a table of the same name is often on the same screen.
  const csvTitle = t('charts.csvTitle', { title: props.title });
  const summaryId = `chart-${props.id}-summary`;

  async function download(kind: 'png' | 'svg') {
    const svg = ref.current?.querySelector<SVGSVGElement>('svg.recharts-surface');
    if (!svg) return;
    setBusy(true);
    setStatus({ text: t('charts.saving'), error: false });
    try {
      const file = standaloneSvg(svg, {
        title: props.title,
        summary: props.summary,
        legend: props.legend,
        unit: props.unit,
        footnote: props.footnote,
      });
      const name = fileNameFor(`${props.projectName} ${props.title}`, kind);
      const content = kind === 'svg' ? textToBase64(file.markup) : await svgToPngBase64(file, 2);
      const saved = await saveBinaryFile(name, kind, content);
      setStatus(saved ? { text: t('charts.saved', { name }), error: false } : null);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setStatus({ text: t('charts.exportFailed', { message }), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <figure
      className={`chart card${props.wide ? ' wide' : ''}`}
      aria-labelledby={titleId}
      aria-describedby={summaryId}
      data-testid={`chart-${props.id}`}
    >
      <div className="chart-head">
        <h3 id={titleId}>{props.title}</h3>
        {!props.empty && (
          <div className="chart-actions">
            <button
              type="button"
              aria-label={t('charts.downloadPngOf', { title: props.title })}
              disabled={busy}
              onClick={() => void download('png')}
            >
              {t('charts.downloadPng')}
            </button>
            <button
              type="button"
              aria-label={t('charts.downloadSvgOf', { title: props.title })}
              disabled={busy}
              onClick={() => void download('svg')}
            >
              {t('charts.downloadSvg')}
            </button>
          </div>
        )}
      </div>
      <p id={summaryId} className="chart-summary">
        {props.summary}
      </p>
      {!props.empty && (
        <div className="chart-key">
          {props.legend && props.legend.length > 0 && (
            <ul className="chart-legend">
              {props.legend.map((item) => (
                <li key={item.label}>
                  <span
                    className="swatch"
                    aria-hidden="true"
                    style={{ background: item.fill, borderColor: item.stroke ?? item.fill }}
                  />
                  {item.label}
                </li>
              ))}
            </ul>
          )}
          <span className="chart-unit">{props.unit}</span>
        </div>
      )}
      <div
        className="chart-body"
        ref={ref}
        {...(props.empty ? {} : { role: 'img', 'aria-label': `${props.title}. ${props.summary}` })}
      >
        {!props.empty && props.children(width)}
      </div>
      {!props.empty && (
        <>
          {props.note && <p className="chart-note">{props.note}</p>}
          <details className="chart-data">
            <summary>{t('charts.showData')}</summary>
            {hasCsv && (
              <div className="chart-data-tools">
                <TableCsvButton
                  title={csvTitle}
                  fileName={`${props.projectName} ${csvTitle}`}
                  table={() => ({ columns: props.table.columns, rows: csvRows })}
                  onStatus={setStatus}
                />
              </div>
            )}
            <table>
              <thead>
                <tr>
                  {props.table.columns.map((c, i) => (
                    <th key={c} scope="col" className={i > 0 ? 'number' : undefined}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {props.table.rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.cells[0]}</th>
                    {row.cells.slice(1).map((cell, i) => (
                      <td key={i} className="number">
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
      <p className={status?.error ? 'chart-status error' : 'chart-status'} role="status">
        {status?.text}
      </p>
    </figure>
  );
}
