/**
 * The three kinds of chart the Results screen draws, in recharts: columns (one or two series), horizontal bars
 * (sorted rows with long names) and the value waterfall. No gridlines, no 3D, no legend boxes inside the plot:
 * each bar carries its value in the user's locale, so the numeric axis is left out unless the values cannot be
 * written on the bars (many narrow columns), where a plain axis takes their place.
 */
import { Bar, BarChart, ReferenceLine, Tooltip, XAxis, YAxis, type AxisDomainItem, type BarShapeProps } from 'recharts';
import type { ReactNode } from 'react';
import { Dec } from '../../../shared/money/decimal';
import { formatDecimal } from '../../../shared/format/locale';
import type { WaterfallRow } from './chart-data';
import { CHART_COLOURS } from './palette';
import {
  columnTick,
  labelledBar,
  LABEL_SIZE,
  paddedDomain,
  rowTick,
  TICK_SIZE,
  tooltipContent,
  widest,
  type TooltipLine,
} from './primitives';
import { FONT_FAMILY, wrapText } from './text-size';

export interface Series {
  key: string;
  /** Shown in the key and the tooltip when there is more than one series. */
  name: string;
  fill: string;
  stroke?: string;
  plots: number[];
  texts: string[];
  /** A colour per bar (negative values in another colour). */
  fillOf?: (index: number) => string;
}

/** The gap on each side of a category's columns, as a share of its band (recharts' barCategoryGap). */
const CATEGORY_GAP = 0.14;
const BAR_GAP = 4;
/** Wide enough to read as a column, not a block, when there are only two or three categories. */
const MAX_BAR = 120;
const tickFont = { fontSize: TICK_SIZE, fontFamily: FONT_FAMILY, fill: CHART_COLOURS.muted };

function axisNumber(locale: string) {
  return (value: number) => (Number.isFinite(value) ? formatDecimal(new Dec(value), 0, locale) : '');
}

function tooltipLines(series: Series[], currency: string) {
  return (row: { index: number }): TooltipLine[] =>
    series.map((s) => ({ name: series.length > 1 ? s.name : '', text: `${s.texts[row.index]} ${currency}` }));
}

export interface ColumnChartProps {
  width: number;
  height?: number;
  categories: string[];
  series: Series[];
  locale: string;
  currency: string;
}

/** Vertical columns, one group per category, labelled with their values. */
export function ColumnChart({ width, height = 310, categories, series, locale, currency }: ColumnChartProps) {
  const margin = { top: 10, right: 8, bottom: 4, left: 8 };
  const n = Math.max(categories.length, 1);
  const plotWidth = Math.max(width - margin.left - margin.right, 80);
  const band = plotWidth / n;
  const perBar = Math.min((band * (1 - 2 * CATEGORY_GAP) - BAR_GAP * (series.length - 1)) / series.length, MAX_BAR);
  // A label is centred on its column: it may use the column and the gap to its neighbour, less some air.
  const room = series.length === 1 ? band - 8 : perBar + BAR_GAP - 6;
  const texts = series.flatMap((s) => s.texts);
  const fontSize = widest(texts, LABEL_SIZE) <= room ? LABEL_SIZE : widest(texts, 10.5) <= room ? 10.5 : null;
  const showLabels = fontSize !== null;
  const tickLines = Math.max(1, ...categories.map((c) => wrapText(c, band - 8, TICK_SIZE, 3).length));
  const axisHeight = Math.ceil(tickLines * TICK_SIZE * 1.2 + 10);
  const plotHeight = height - margin.top - margin.bottom - axisHeight;
  const plots = series.flatMap((s) => s.plots);
  const labelRoom = (fontSize ?? 0) + 10;
  // With labels, room for them past the bars' ends; without, recharts' own round ticks, always with zero.
  const finite = plots.filter(Number.isFinite);
  const domain: [AxisDomainItem, AxisDomainItem] = showLabels
    ? paddedDomain(plots, plotHeight, labelRoom, labelRoom)
    : [Math.min(0, ...finite) < 0 ? 'auto' : 0, Math.max(0, ...finite) > 0 ? 'auto' : 0];
  const extremes = [Math.min(0, ...finite), Math.max(0, ...finite)].map(axisNumber(locale));
  const yWidth = showLabels ? 0 : Math.ceil(widest(extremes, TICK_SIZE) * 1.15) + 12;
  const data = categories.map((label, index) => ({
    label,
    index,
    ...Object.fromEntries(series.map((s) => [s.key, s.plots[index]])),
  }));

  return (
    <BarChart
      width={width}
      height={height}
      data={data}
      margin={margin}
      barCategoryGap={`${CATEGORY_GAP * 100}%`}
      barGap={BAR_GAP}
      maxBarSize={MAX_BAR}
      accessibilityLayer={false}
    >
      <XAxis
        dataKey="label"
        type="category"
        interval={0}
        height={axisHeight}
        tickLine={false}
        axisLine={false}
        tick={columnTick(band)}
      />
      <YAxis
        type="number"
        domain={domain}
        hide={showLabels}
        width={yWidth}
        tickFormatter={axisNumber(locale)}
        tick={tickFont}
        tickLine={false}
        axisLine={false}
        allowDataOverflow={showLabels}
        tickCount={5}
      />
      <ReferenceLine y={0} stroke={CHART_COLOURS.zero} strokeWidth={1} ifOverflow="extendDomain" />
      <Tooltip
        cursor={{ fill: 'rgba(29, 35, 48, 0.05)' }}
        isAnimationActive={false}
        content={tooltipContent<{ label: string; index: number }>((row) => row.label, tooltipLines(series, currency))}
      />
      {series.map((s) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.name}
          fill={s.fill}
          isAnimationActive={false}
          shape={labelledBar({
            layout: 'vertical-bars',
            textOf: (i) => s.texts[i],
            fillOf: s.fillOf,
            stroke: s.stroke,
            negativeOf: (i) => s.plots[i] < 0,
            showLabel: showLabels,
            fontSize: fontSize ?? LABEL_SIZE,
          })}
        />
      ))}
    </BarChart>
  );
}

export interface RowChartProps {
  width: number;
  rows: Array<{ label: string; plot: number; text: string }>;
  fillOf: (index: number) => string;
  currency: string;
}

/** Horizontal bars, one row per item (already sorted), the name on the left and the value past the bar. */
export function RowChart({ width, rows, fillOf, currency }: RowChartProps) {
  const margin = { top: 4, right: 8, bottom: 4, left: 4 };
  const labelWidth = Math.round(Math.min(Math.max(width * 0.36, 120), 300));
  // Names wrap onto up to three lines; every row gets the height of the tallest.
  const nameLines = Math.max(1, ...rows.map((r) => wrapText(r.label, labelWidth - 12, 13, 3).length));
  const rowHeight = Math.max(40, Math.ceil(nameLines * 13 * 1.2 + 16));
  const height = rows.length * rowHeight + margin.top + margin.bottom;
  const plotWidth = width - margin.left - margin.right - labelWidth;
  const room = widest(rows.map((r) => r.text)) + 12;
  const domain = paddedDomain(
    rows.map((r) => r.plot),
    plotWidth,
    room,
    6,
    { alwaysAfter: true },
  );
  const data = rows.map((r, index) => ({ ...r, index }));
  return (
    <BarChart
      width={width}
      height={height}
      data={data}
      layout="vertical"
      margin={margin}
      barCategoryGap="26%"
      accessibilityLayer={false}
    >
      <XAxis type="number" domain={domain} hide allowDataOverflow />
      <YAxis
        type="category"
        dataKey="label"
        width={labelWidth}
        interval={0}
        tickLine={false}
        axisLine={false}
        tick={rowTick(labelWidth, 3)}
      />
      <ReferenceLine x={0} stroke={CHART_COLOURS.zero} strokeWidth={1} />
      <Tooltip
        cursor={{ fill: 'rgba(29, 35, 48, 0.05)' }}
        isAnimationActive={false}
        content={tooltipContent<{ label: string; text: string }>(
          (row) => row.label,
          (row) => [{ name: '', text: `${row.text} ${currency}` }],
        )}
      />
      <Bar
        dataKey="plot"
        isAnimationActive={false}
        shape={labelledBar({
          layout: 'horizontal-bars',
          textOf: (i) => rows[i].text,
          fillOf,
          negativeOf: (i) => rows[i].plot < 0,
        })}
      />
    </BarChart>
  );
}

export interface WaterfallChartProps {
  width: number;
  height?: number;
  rows: WaterfallRow[];
  /** The name of each step, in the interface language. */
  labels: string[];
  currency: string;
}

const DIRECTION_FILL: Record<WaterfallRow['direction'], string> = {
  total: CHART_COLOURS.value,
  down: CHART_COLOURS.negative,
  up: CHART_COLOURS.positive,
  none: CHART_COLOURS.axis,
};

/**
 * Floating bars from gross value to present value: totals stand on zero, each step hangs from the level the
 * previous one left, joined by a thin dashed line so the eye can follow the running total.
 */
export function WaterfallChart({ width, height = 340, rows, labels, currency }: WaterfallChartProps) {
  const margin = { top: 10, right: 8, bottom: 4, left: 8 };
  const n = Math.max(rows.length, 1);
  const plotWidth = width - margin.left - margin.right;
  const band = plotWidth / n;
  const texts = rows.map((r) => r.text);
  const fontSize = widest(texts, LABEL_SIZE) <= band - 4 ? LABEL_SIZE : 10.5;
  const tickLines = Math.max(1, ...labels.map((c) => wrapText(c, band - 8, TICK_SIZE, 3).length));
  const axisHeight = Math.ceil(tickLines * TICK_SIZE * 1.2 + 10);
  const plotHeight = height - margin.top - margin.bottom - axisHeight;
  const domain = paddedDomain(
    rows.flatMap((r) => r.range),
    plotHeight,
    fontSize + 10,
    fontSize + 10,
  );
  const data = rows.map((r, index) => ({ label: labels[index], range: r.range, index }));

  function Step(props: BarShapeProps): ReactNode {
    const row = rows[props.index];
    const x = Number(props.x);
    const y = Number(props.y);
    const w = Number(props.width);
    const h = Number(props.height);
    const left = Math.min(x, x + w);
    const top = Math.min(y, y + h);
    const width = Math.abs(w);
    const height = Math.abs(h);
    const below = row.kind === 'total' && row.amount.isNeg();
    const endY = row.endPlot === row.range[1] ? top : top + height;
    const next = rows[props.index + 1];
    return (
      <g className="chart-bar">
        <rect
          x={left}
          y={top}
          width={width}
          height={Math.max(height, row.direction === 'none' ? 0 : 1)}
          fill={DIRECTION_FILL[row.direction]}
          shapeRendering="crispEdges"
        />
        {next && next.kind === 'change' && (
          <line
            x1={left + width}
            x2={left + band}
            y1={endY}
            y2={endY}
            stroke={CHART_COLOURS.axis}
            strokeWidth={1}
            strokeDasharray="3 3"
          />
        )}
        <text
          x={left + width / 2}
          y={below ? top + height + fontSize + 3 : top - 5}
          textAnchor="middle"
          fontSize={fontSize}
          fontFamily={FONT_FAMILY}
          fontWeight={row.kind === 'total' ? 700 : 400}
          fill={CHART_COLOURS.ink}
        >
          {row.text}
        </text>
      </g>
    );
  }

  return (
    <BarChart width={width} height={height} data={data} margin={margin} barCategoryGap="22%" accessibilityLayer={false}>
      <XAxis
        dataKey="label"
        type="category"
        interval={0}
        height={axisHeight}
        tickLine={false}
        axisLine={false}
        tick={columnTick(band)}
      />
      <YAxis type="number" domain={domain} hide allowDataOverflow />
      <ReferenceLine y={0} stroke={CHART_COLOURS.zero} strokeWidth={1} />
      <Tooltip
        cursor={{ fill: 'rgba(29, 35, 48, 0.05)' }}
        isAnimationActive={false}
        content={tooltipContent<{ label: string; index: number }>(
          (row) => row.label,
          (row) => [{ name: '', text: `${rows[row.index].text} ${currency}` }],
        )}
      />
      <Bar dataKey="range" isAnimationActive={false} shape={Step} />
    </BarChart>
  );
}
