/**
 * "All charts as a zip": every chart on the page (each ChartFrame's figure) as PNG and SVG, drawn exactly as its
 * own "Download PNG" / "Download SVG" buttons draw it (charts/export.ts: title, summary, key, unit and footnote
 * included), in one zip file. jszip is loaded only when a zip is made.
 */
import { FileKind } from '../../shared/ipc/shell-contract';
import { saveBinaryFile } from './api/binary-files';
import { fileNameFor } from './api/files';
import { isDesktop } from './api/transport';
import { standaloneSvg, svgToPngBase64, type LegendItem } from './charts/export';

export interface ChartOnPage {
  title: string;
  summary: string;
  unit: string;
  legend: LegendItem[];
  svg: SVGSVGElement;
}

/** The charts drawn inside `root` (figures made by ChartFrame), in page order; empty charts are skipped. */
export function chartsOnPage(root: ParentNode): ChartOnPage[] {
  const figures = Array.from(root.querySelectorAll<HTMLElement>('figure.chart'));
  const charts: ChartOnPage[] = [];
  for (const figure of figures) {
    const svg = figure.querySelector<SVGSVGElement>('svg.recharts-surface');
    if (!svg) continue;
    const legend = Array.from(figure.querySelectorAll<HTMLElement>('.chart-legend li')).map((item) => {
      const swatch = item.querySelector<HTMLElement>('.swatch');
      const fill = swatch?.style.background || swatch?.style.backgroundColor || '#1d2330';
      const stroke = swatch?.style.borderColor || undefined;
      return { label: (item.textContent ?? '').trim(), fill, ...(stroke && stroke !== fill ? { stroke } : {}) };
    });
    charts.push({
      title: figure.querySelector('h3')?.textContent?.trim() ?? 'Chart',
      summary: figure.querySelector('.chart-summary')?.textContent?.trim() ?? '',
      unit: figure.querySelector('.chart-unit')?.textContent?.trim() ?? '',
      legend,
      svg,
    });
  }
  return charts;
}

/** File names that stay unique inside the zip even when two charts share a title. */
function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate); n++) candidate = name.replace(/(\.[a-z]+)$/, `-${n}$1`);
  used.add(candidate);
  return candidate;
}

/**
 * The zip of every chart in `root`, as base64. `footnote` is printed under each chart (as ChartFrame does);
 * `onProgress` hears after each chart.
 */
export async function chartsZipBase64(
  root: ParentNode,
  projectName: string,
  footnote: string,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ base64: string; count: number }> {
  const charts = chartsOnPage(root);
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  const used = new Set<string>();
  for (const [i, chart] of charts.entries()) {
    const file = standaloneSvg(chart.svg, {
      title: chart.title,
      summary: chart.summary,
      legend: chart.legend,
      unit: chart.unit,
      footnote,
    });
    const base = `${projectName} ${chart.title}`;
    zip.file(uniqueName(fileNameFor(base, 'svg'), used), file.markup);
    zip.file(uniqueName(fileNameFor(base, 'png'), used), await svgToPngBase64(file, 2), { base64: true });
    onProgress(i + 1, charts.length);
  }
  const base64 = await zip.generateAsync({ type: 'base64', compression: 'DEFLATE' });
  return { base64, count: charts.length };
}

/** Saves a zip: the save dialog in the app when the shell knows the kind, a download otherwise. */
export async function saveZip(name: string, base64: string): Promise<boolean> {
  const shellSavesZip = (FileKind.options as readonly string[]).includes('zip');
  if (isDesktop() && shellSavesZip) return saveBinaryFile(name, 'zip' as FileKind, base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}
