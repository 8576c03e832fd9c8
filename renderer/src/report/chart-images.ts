/**
 * The charts of a rendered report as PNG images, for the Word document: each chart's <svg> made standalone
 * (its title, summary, key and unit drawn above it, as the chart downloads are) and drawn at twice its size.
 * Used by the app (on the preview) and by the command line (in the report page, through Chromium), so both
 * put the same pictures in the same places.
 */
import type { ReportChartId } from '../../../shared/report/types';
import { standaloneSvg, svgToPngBase64, type LegendItem } from '../charts/export';

export interface RenderedChartImage {
  chart: ReportChartId;
  title: string;
  description: string;
  /** PNG bytes, base64 (no data: prefix). */
  base64: string;
  width: number;
  height: number;
}

const text = (root: Element, selector: string) => root.querySelector(selector)?.textContent?.trim() ?? '';

function legendOf(figure: Element): LegendItem[] {
  return Array.from(figure.querySelectorAll('.chart-legend li')).map((li) => {
    const swatch = li.querySelector<HTMLElement>('.swatch');
    const fill = swatch?.style.background || swatch?.style.backgroundColor || '#0072B2';
    const stroke = swatch?.style.borderColor || undefined;
    return { label: li.textContent?.trim() ?? '', fill, ...(stroke ? { stroke } : {}) };
  });
}

export async function reportChartImages(root: ParentNode, footnote: string): Promise<RenderedChartImage[]> {
  const images: RenderedChartImage[] = [];
  for (const wrapper of Array.from(root.querySelectorAll<HTMLElement>('[data-report-chart]'))) {
    const chart = wrapper.dataset.reportChart as ReportChartId;
    for (const figure of Array.from(wrapper.querySelectorAll('figure.chart'))) {
      if (figure.getClientRects().length === 0) continue; // not shown in this report
      const svg = figure.querySelector<SVGSVGElement>('.chart-body svg');
      if (!svg) continue;
      const title = text(figure, '.chart-head h3');
      const summary = text(figure, '.chart-summary');
      const unit = text(figure, '.chart-unit');
      const file = standaloneSvg(svg, {
        title,
        summary,
        legend: legendOf(figure),
        ...(unit ? { unit } : {}),
        footnote,
      });
      images.push({
        chart,
        title,
        description: summary,
        base64: await svgToPngBase64(file, 2),
        width: file.width,
        height: file.height,
      });
    }
  }
  return images;
}

/** Resolves once every chart in `root` has drawn its marks (recharts draws after its first layout). */
export async function chartsDrawn(root: ParentNode, timeoutMs = 20_000): Promise<void> {
  const started = performance.now();
  const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  for (;;) {
    const bodies = Array.from(root.querySelectorAll('[data-report-chart] .chart-body[role="img"]')).filter(
      (body) => body.getClientRects().length > 0,
    );
    const drawn = bodies.every((body) => body.querySelector('svg rect, svg path') !== null);
    if (drawn) break;
    if (performance.now() - started > timeoutMs) throw new Error('The charts were not drawn in time.');
    await frame();
  }
  await frame();
  await frame();
}
