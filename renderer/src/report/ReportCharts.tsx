/**
 * The report's own charts, each in the app's ChartFrame (title, one-line summary, key, figures on request,
 * PNG / SVG downloads): the headline (investment against the social value it creates), the tornado of
 * one-way sensitivity, and the histogram of the Monte Carlo ratio. Drawn as plain SVG with presentation
 * attributes, so they print as vector graphics and export exactly as shown.
 */
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonteCarloResult, SroiResult } from '../../../shared/engine';
import type { Project } from '../../../shared/model';
import { formatDecimal } from '../../../shared/format/locale';
import { Dec } from '../../../shared/money/decimal';
import type { TornadoView } from '../../../shared/report/build';
import { valueByOutcome } from '../charts/chart-data';
import { ChartFrame } from '../charts/ChartFrame';
import { ColumnChart, RowChart } from '../charts/charts';
import { CHART_COLOURS } from '../charts/palette';
import { LineSpace } from '../charts/primitives';
import { FONT_FAMILY, textWidth, wrapText } from '../charts/text-size';

/** Every report chart is drawn at this width (CSS pixels): it fits A4 and Letter between the margins. */
export const REPORT_CHART_WIDTH = 640;

const money = (value: Dec, locale: string) => formatDecimal(value, 2, locale);

interface CommonProps {
  project: Project;
  locale: string;
  width?: number;
}

function common(project: Project, t: (key: string, values?: Record<string, unknown>) => string, width: number) {
  return { projectName: project.name, footnote: t('charts.footnote', { project: project.name }), width };
}

/** Investment next to the present value of the outcomes: the ratio as two columns. */
export function HeadlineChart({
  project,
  result,
  locale,
  width = REPORT_CHART_WIDTH,
}: CommonProps & { result: SroiResult }) {
  const { t } = useTranslation();
  const currency = project.currency;
  const investment = result.investment.total.value;
  const pv = result.presentValue.value;
  const rows = [
    { label: t('report.charts.investment'), value: investment, fill: CHART_COLOURS.cost },
    { label: t('report.charts.value'), value: pv, fill: pv.isNeg() ? CHART_COLOURS.negative : CHART_COLOURS.value },
  ];
  const summary =
    result.ratio.value === null
      ? t('report.charts.headlineSummaryNoRatio', { pv: money(pv, locale), currency })
      : t('report.charts.headlineSummary', {
          pv: money(pv, locale),
          investment: money(investment, locale),
          ratio: formatDecimal(result.ratio.value, 2, locale),
          currency,
        });
  return (
    <ChartFrame
      {...common(project, t, width)}
      id="report-headline"
      title={t('report.charts.headline')}
      summary={summary}
      unit={t('charts.unit', { currency })}
      table={{
        columns: ['', currency],
        rows: rows.map((r, i) => ({ key: String(i), cells: [r.label, money(r.value, locale)] })),
      }}
    >
      {(w) => (
        <ColumnChart
          width={w}
          height={260}
          categories={rows.map((r) => r.label)}
          series={[
            {
              key: 'value',
              name: t('report.charts.headline'),
              fill: CHART_COLOURS.value,
              plots: rows.map((r) => r.value.toNumber()),
              texts: rows.map((r) => money(r.value, locale)),
              fillOf: (i) => rows[i].fill,
            },
          ]}
          locale={locale}
          currency={currency}
        />
      )}
    </ChartFrame>
  );
}

// ---------------------------------------------------------------------------------------------------------
// The largest outcomes, for models with more outcomes than a readable bar chart holds

/** Beyond this many outcomes the report draws the largest ones, and "the others" as one bar. */
export const OUTCOME_CHART_ROWS = 20;
const TOP_OUTCOMES = 15;

export function TopOutcomesChart({
  project,
  result,
  locale,
  width = REPORT_CHART_WIDTH,
}: CommonProps & { result: SroiResult }) {
  const { t } = useTranslation();
  const currency = project.currency;
  const all = valueByOutcome(result, { locale, currency });
  const top = all.slice(0, TOP_OUTCOMES);
  const rest = all.slice(TOP_OUTCOMES);
  const restValue = rest.reduce((acc, r) => acc.plus(r.value), new Dec(0));
  const rows = [
    ...top.map((r) => ({ label: r.label, plot: r.plot, text: r.text, value: r.value })),
    ...(rest.length > 0
      ? [
          {
            label: t('report.charts.otherOutcomes', { count: rest.length }),
            plot: restValue.toNumber(),
            text: money(restValue, locale),
            value: restValue,
          },
        ]
      : []),
  ];
  const total = result.presentValue.value;
  const topValue = top.reduce((acc, r) => acc.plus(r.value), new Dec(0));
  const summary = total.gt(0)
    ? t('report.charts.topOutcomesSummary', {
        count: top.length,
        total: all.length,
        share: formatDecimal(topValue.div(total).times(100), 1, locale),
      })
    : t('report.charts.topOutcomesSummaryNoShare', { count: top.length, total: all.length });
  return (
    <ChartFrame
      {...common(project, t, width)}
      id="report-top-outcomes"
      title={t('report.charts.topOutcomes', { count: top.length })}
      summary={summary}
      unit={t('charts.unitPresentValue', {
        currency,
        rate: formatDecimal(result.settings.discountRate.times(100), 1, locale),
      })}
      table={{
        columns: [t('report.col.outcome'), currency],
        rows: rows.map((r, i) => ({ key: String(i), cells: [r.label, r.text] })),
      }}
    >
      {(w) => (
        <RowChart
          width={w}
          rows={rows}
          fillOf={(i) =>
            rows[i].value.isNeg() ? CHART_COLOURS.negative : i >= top.length ? CHART_COLOURS.axis : CHART_COLOURS.value
          }
          currency={currency}
        />
      )}
    </ChartFrame>
  );
}

// ---------------------------------------------------------------------------------------------------------
// Tornado

const TEXT_SIZE = 11.5;
const LOW_FILL = CHART_COLOURS.cost;
const LOW_STROKE = CHART_COLOURS.costStroke;
const HIGH_FILL = CHART_COLOURS.value;

function linear(domain: [number, number], range: [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v: number) => r0 + (v - d0) * k;
}

export function TornadoSvg({ view, width, breakEven }: { view: TornadoView; width: number; breakEven: string }) {
  const { t } = useTranslation();
  const rows = view.rows;
  const labelWidth = Math.round(Math.min(Math.max(width * 0.4, 150), 280));
  const nameLines = Math.max(1, ...rows.map((r) => wrapText(r.label, labelWidth - 10, TEXT_SIZE, 2).length));
  const rowHeight = Math.max(26, Math.ceil(nameLines * TEXT_SIZE * 1.2 + 9));
  const top = 24;
  const height = top + rows.length * rowHeight + 6;
  const room = Math.max(...rows.flatMap((r) => [textWidth(r.lowText, 11), textWidth(r.highText, 11)])) + 10;
  const plotLeft = labelWidth + room;
  const plotRight = width - room;
  const reference = view.measure === 'ratio' ? 1 : 0;
  const values = [view.base, ...rows.flatMap((r) => [r.low, r.high])];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  // Show the 1 : 1 line when it is near the bars (within half their span).
  const span = hi - lo || Math.abs(view.base) || 1;
  const showReference = reference >= lo - span * 0.5 && reference <= hi + span * 0.5;
  if (showReference) {
    lo = Math.min(lo, reference);
    hi = Math.max(hi, reference);
  }
  if (hi === lo) hi = lo + 1;
  const x = linear([lo, hi], [plotLeft, plotRight]);
  const baseX = x(view.base);

  return (
    <svg
      className="recharts-surface report-svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      fontFamily={FONT_FAMILY}
      role="presentation"
    >
      {showReference && (
        <g>
          <line
            x1={x(reference)}
            x2={x(reference)}
            y1={top - 4}
            y2={height - 4}
            stroke={CHART_COLOURS.negative}
            strokeWidth={1}
            strokeDasharray="4 3"
          />
          <text x={x(reference)} y={top - 8} textAnchor="middle" fontSize={11} fill={CHART_COLOURS.negative}>
            {breakEven}
          </text>
        </g>
      )}
      {rows.map((row, i) => {
        const y = top + i * rowHeight;
        const barY = y + rowHeight * 0.22;
        const barH = rowHeight * 0.56;
        const lowX = x(row.low);
        const highX = x(row.high);
        const mid = y + rowHeight / 2;
        const lines = wrapText(row.label, labelWidth - 10, TEXT_SIZE, 2);
        const labelAt = (value: number, textValue: string, name: string) => {
          const right = value >= view.base;
          return (
            <text
              x={x(value) + (right ? 5 : -5)}
              y={mid + 4}
              textAnchor={right ? 'start' : 'end'}
              fontSize={11}
              fill={CHART_COLOURS.ink}
            >
              <title>{name}</title>
              {textValue}
            </text>
          );
        };
        return (
          <g key={row.key} className="chart-bar">
            <text
              x={labelWidth - 6}
              y={mid - ((lines.length - 1) * TEXT_SIZE * 1.2) / 2 + 4}
              textAnchor="end"
              fontSize={TEXT_SIZE}
              fill={CHART_COLOURS.ink}
            >
              <title>{row.label}</title>
              {lines.map((line, j) => (
                <Fragment key={j}>
                  {j > 0 && <LineSpace />}
                  <tspan x={labelWidth - 6} dy={j === 0 ? 0 : TEXT_SIZE * 1.2}>
                    {line}
                  </tspan>
                </Fragment>
              ))}
            </text>
            <rect
              x={Math.min(lowX, baseX)}
              y={barY}
              width={Math.max(Math.abs(lowX - baseX), 1)}
              height={barH}
              fill={LOW_FILL}
              stroke={LOW_STROKE}
              strokeWidth={1}
              shapeRendering="crispEdges"
            />
            <rect
              x={Math.min(highX, baseX)}
              y={barY}
              width={Math.max(Math.abs(highX - baseX), 1)}
              height={barH}
              fill={HIGH_FILL}
              shapeRendering="crispEdges"
            />
            {labelAt(row.low, row.lowText, t('report.charts.tornadoLow'))}
            {labelAt(row.high, row.highText, t('report.charts.tornadoHigh'))}
          </g>
        );
      })}
      <line x1={baseX} x2={baseX} y1={top - 4} y2={height - 4} stroke={CHART_COLOURS.ink} strokeWidth={1.5} />
      <text
        x={baseX}
        y={top - 8}
        textAnchor={showReference && Math.abs(baseX - x(reference)) < 60 ? 'start' : 'middle'}
        dx={showReference && Math.abs(baseX - x(reference)) < 60 ? 4 : 0}
        fontSize={11}
        fontWeight={700}
        fill={CHART_COLOURS.ink}
      >
        {t('report.charts.tornadoBase', { value: view.baseText })}
      </text>
    </svg>
  );
}

export function TornadoChart({ project, view, width = REPORT_CHART_WIDTH }: CommonProps & { view: TornadoView }) {
  const { t } = useTranslation();
  const top = view.rows[0];
  const currency = project.currency;
  const summary = !top
    ? ''
    : view.measure === 'ratio'
      ? t('report.charts.tornadoSummary', { top: top.label, low: top.lowText, high: top.highText, base: view.baseText })
      : t('report.charts.tornadoSummaryNpv', {
          top: top.label,
          low: top.lowText,
          high: top.highText,
          base: view.baseText,
          currency,
        });
  return (
    <ChartFrame
      {...common(project, t, width)}
      id="report-tornado"
      title={t('report.charts.tornado')}
      summary={summary}
      unit={view.measure === 'ratio' ? t('report.charts.tornadoUnit') : t('report.charts.tornadoUnitNpv', { currency })}
      legend={[
        { label: t('report.charts.tornadoLow'), fill: LOW_FILL, stroke: LOW_STROKE },
        { label: t('report.charts.tornadoHigh'), fill: HIGH_FILL },
      ]}
      empty={view.rows.length === 0}
      table={{
        columns: [t('report.col.assumption'), t('report.col.lowValue'), t('report.col.highValue')],
        rows: view.rows.map((r) => ({ key: r.key, cells: [r.label, r.lowText, r.highText] })),
      }}
    >
      {(w) => <TornadoSvg view={view} width={w} breakEven={t('report.charts.breakEven')} />}
    </ChartFrame>
  );
}

// ---------------------------------------------------------------------------------------------------------
// Monte Carlo histogram

/** About five round numbers between lo and hi, for the axis. */
function ticks(lo: number, hi: number, count = 5): number[] {
  const span = hi - lo;
  if (!(span > 0)) return [lo];
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const first = Math.ceil(lo / step) * step;
  const out: number[] = [];
  for (let v = first; v <= hi + step * 1e-9; v += step) out.push(Number(v.toFixed(10)));
  return out;
}

export function HistogramSvg({
  mc,
  width,
  locale,
  breakEven,
}: {
  mc: MonteCarloResult;
  width: number;
  locale: string;
  breakEven: string;
}) {
  const { t } = useTranslation();
  const hist = mc.ratioHistogram;
  if (!hist || hist.bins.length === 0 || !mc.ratio) return null;
  const height = 260;
  const margin = { top: 26, right: 12, bottom: 34, left: 12 };
  let lo = hist.bins[0].from;
  let hi = hist.bins[hist.bins.length - 1].to;
  const span = hi - lo || 1;
  const showOne = 1 >= lo - span * 0.25 && 1 <= hi + span * 0.25;
  if (showOne) {
    lo = Math.min(lo, 1);
    hi = Math.max(hi, 1);
  }
  if (hi === lo) {
    lo -= 0.5;
    hi += 0.5;
  }
  const x = linear([lo, hi], [margin.left, width - margin.right]);
  const maxCount = Math.max(1, ...hist.bins.map((b) => b.count));
  const plotBottom = height - margin.bottom;
  const y = linear([0, maxCount], [plotBottom, margin.top]);
  const fmt = (v: number) => formatDecimal(new Dec(v), 2, locale);
  // The "1 : 1" label goes left of its line when the mean is to the right and there is room for it.
  const oneOnTheLeft = x(1) < x(mc.ratio.mean) && x(1) - margin.left > 30;
  return (
    <svg
      className="recharts-surface report-svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      fontFamily={FONT_FAMILY}
      role="presentation"
    >
      {hist.bins.map((b, i) => {
        const left = x(b.from);
        const w = Math.max(x(b.to) - left - 1, 1);
        return (
          <rect
            key={i}
            x={left}
            y={y(b.count)}
            width={w}
            height={plotBottom - y(b.count)}
            fill={b.to <= 1 ? CHART_COLOURS.negative : CHART_COLOURS.value}
            shapeRendering="crispEdges"
          />
        );
      })}
      <line
        x1={margin.left}
        x2={width - margin.right}
        y1={plotBottom}
        y2={plotBottom}
        stroke={CHART_COLOURS.zero}
        strokeWidth={1}
      />
      {ticks(lo, hi).map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={plotBottom} y2={plotBottom + 4} stroke={CHART_COLOURS.zero} />
          <text x={x(v)} y={plotBottom + 17} textAnchor="middle" fontSize={11} fill={CHART_COLOURS.muted}>
            {fmt(v)}
          </text>
        </g>
      ))}
      {showOne && (
        <g>
          <line
            x1={x(1)}
            x2={x(1)}
            y1={margin.top - 6}
            y2={plotBottom}
            stroke={CHART_COLOURS.negative}
            strokeDasharray="4 3"
          />
          <text
            x={x(1) + (oneOnTheLeft ? -4 : 4)}
            y={margin.top - 10}
            textAnchor={oneOnTheLeft ? 'end' : 'start'}
            fontSize={11}
            fill={CHART_COLOURS.negative}
          >
            {breakEven}
          </text>
        </g>
      )}
      <line
        x1={x(mc.ratio.mean)}
        x2={x(mc.ratio.mean)}
        y1={margin.top - 6}
        y2={plotBottom}
        stroke={CHART_COLOURS.ink}
        strokeWidth={1.5}
      />
      <text
        x={x(mc.ratio.mean) + (showOne && x(1) > x(mc.ratio.mean) ? -4 : 4)}
        y={margin.top - 10}
        textAnchor={showOne && x(1) > x(mc.ratio.mean) ? 'end' : 'start'}
        fontSize={11}
        fontWeight={700}
        fill={CHART_COLOURS.ink}
      >
        {t('report.charts.histogramMean', { value: fmt(mc.ratio.mean) })}
      </text>
    </svg>
  );
}

export function HistogramChart({
  project,
  mc,
  locale,
  width = REPORT_CHART_WIDTH,
}: CommonProps & { mc: MonteCarloResult }) {
  const { t } = useTranslation();
  const fmt = (v: number) => formatDecimal(new Dec(v), 2, locale);
  const r = mc.ratio;
  const bins = mc.ratioHistogram?.bins ?? [];
  return (
    <ChartFrame
      {...common(project, t, width)}
      id="report-histogram"
      title={t('report.charts.histogram')}
      summary={
        r
          ? t('report.charts.histogramSummary', {
              iterations: formatDecimal(new Dec(mc.iterations), 0, locale),
              median: fmt(r.p50),
              low: fmt(r.p2_5),
              high: fmt(r.p97_5),
            })
          : ''
      }
      unit={t('report.charts.histogramUnit')}
      empty={bins.length === 0 || r === null}
      table={{
        columns: [t('report.col.ratio'), t('report.charts.histogramUnit')],
        rows: bins.map((b, i) => ({ key: String(i), cells: [`${fmt(b.from)} – ${fmt(b.to)}`, String(b.count)] })),
      }}
    >
      {(w) => <HistogramSvg mc={mc} width={w} locale={locale} breakEven={t('report.charts.breakEven')} />}
    </ChartFrame>
  );
}
