/**
 * The Monte Carlo charts, in recharts: the histogram of the SROI ratio (or of NPV when the ratio is undefined)
 * with 1 : 1 and the 95 % interval marked; the cost-effectiveness plane (incremental effect and cost of each
 * strategy against the comparator, one dot per iteration); the cost-effectiveness acceptability curve.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Line,
  LineChart,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Histogram } from '../../../shared/engine/uncertainty';
import { CHART_COLOURS, OKABE_ITO } from '../charts/palette';
import { TICK_SIZE, tooltipContent, widest } from '../charts/primitives';
import { FONT_FAMILY } from '../charts/text-size';
import { count, num, percent } from './format';
import type { PsaSummary } from '../../../shared/model/simulation';

const tickFont = { fontSize: TICK_SIZE, fontFamily: FONT_FAMILY, fill: CHART_COLOURS.muted };

export const STRATEGY_COLOURS = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.orange,
  OKABE_ITO.black,
  OKABE_ITO.skyBlue,
];

export const strategyColour = (index: number) => STRATEGY_COLOURS[index % STRATEGY_COLOURS.length];

export const HISTOGRAM_COLOURS = { below: OKABE_ITO.vermillion, above: OKABE_ITO.blue } as const;

export interface HistogramChartProps {
  width: number;
  histogram: Histogram;
  /** The value the colours change at (1 for the ratio, 0 for NPV). */
  threshold: number;
  interval: { low: number; high: number };
  locale: string;
  places: number;
  labels: { threshold: string; low: string; high: string; count: string; bin: (from: string, to: string) => string };
}

export function HistogramChart({ width, histogram, threshold, interval, locale, places, labels }: HistogramChartProps) {
  const bins = histogram.bins;
  const data = bins.map((b, index) => ({ index, mid: (b.from + b.to) / 2, count: b.count }));
  const first = bins[0];
  const last = bins[bins.length - 1];
  const margin = { top: 22, right: 16, bottom: 4, left: 4 };
  const maxCount = Math.max(1, ...bins.map((b) => b.count));
  const yWidth = Math.ceil(widest([count(maxCount, locale)], TICK_SIZE)) + 14;
  const plotWidth = Math.max(width - margin.left - margin.right - yWidth, 60);
  const barSize = Math.max(1, Math.floor(plotWidth / Math.max(bins.length, 1)) - 1);
  const span = last.to - first.from;
  const pad = span === 0 ? Math.abs(first.from) * 0.05 || 1 : span / Math.max(bins.length, 1) / 2;
  const domain: [number, number] = [first.from - pad, last.to + pad];
  const inDomain = (x: number) => x >= domain[0] && x <= domain[1];
  const fmt = (x: number) => num(x, places, locale);
  return (
    <BarChart width={width} height={300} data={data} margin={margin} barGap={0} accessibilityLayer={false}>
      <CartesianGrid vertical={false} stroke="#e6e9ef" />
      <XAxis
        type="number"
        dataKey="mid"
        domain={domain}
        allowDataOverflow
        tickFormatter={fmt}
        tick={tickFont}
        tickCount={7}
        stroke={CHART_COLOURS.axis}
      />
      <YAxis
        type="number"
        width={yWidth}
        tickFormatter={(v: number) => count(v, locale)}
        tick={tickFont}
        tickLine={false}
        axisLine={false}
        allowDecimals={false}
      />
      <Tooltip
        cursor={{ fill: 'rgba(29, 35, 48, 0.05)' }}
        isAnimationActive={false}
        content={tooltipContent<{ index: number }>(
          (row) => labels.bin(fmt(bins[row.index].from), fmt(bins[row.index].to)),
          (row) => [{ name: labels.count, text: count(bins[row.index].count, locale) }],
        )}
      />
      <Bar dataKey="count" barSize={barSize} isAnimationActive={false}>
        {data.map((d) => (
          <Cell key={d.index} fill={d.mid < threshold ? HISTOGRAM_COLOURS.below : HISTOGRAM_COLOURS.above} />
        ))}
      </Bar>
      {inDomain(interval.low) && (
        <ReferenceLine
          x={interval.low}
          stroke={CHART_COLOURS.muted}
          strokeDasharray="2 3"
          label={{ value: labels.low, position: 'top', fontSize: 11, fill: CHART_COLOURS.ink }}
        />
      )}
      {inDomain(interval.high) && (
        <ReferenceLine
          x={interval.high}
          stroke={CHART_COLOURS.muted}
          strokeDasharray="2 3"
          label={{ value: labels.high, position: 'top', fontSize: 11, fill: CHART_COLOURS.ink }}
        />
      )}
      {inDomain(threshold) && (
        <ReferenceLine
          x={threshold}
          stroke={CHART_COLOURS.ink}
          strokeWidth={1.5}
          label={{ value: labels.threshold, position: 'top', fontSize: 11, fill: CHART_COLOURS.ink }}
        />
      )}
    </BarChart>
  );
}

export interface CePlaneChartProps {
  width: number;
  psa: PsaSummary;
  locale: string;
  colourOf: (strategyId: string) => string;
  labels: { dE: string; dC: string; mean: string };
}

export function CePlaneChart({ width, psa, locale, colourOf, labels }: CePlaneChartProps) {
  const all = psa.plane.flatMap((s) => s.points);
  const xs = all.map((p) => p.dE).concat(0);
  const ys = all.map((p) => p.dC).concat(0);
  const pad = (lo: number, hi: number): [number, number] => {
    const span = hi - lo || Math.abs(hi) || 1;
    return [lo - span * 0.05, hi + span * 0.05];
  };
  const xDomain = pad(Math.min(...xs), Math.max(...xs));
  const yDomain = pad(Math.min(...ys), Math.max(...ys));
  const fmtX = (v: number) => num(v, Math.abs(xDomain[1] - xDomain[0]) < 10 ? 2 : 0, locale);
  const fmtY = (v: number) => num(v, 0, locale);
  const yWidth = Math.ceil(widest(yDomain.map(fmtY), TICK_SIZE)) + 16;
  return (
    <ScatterChart
      width={width}
      height={360}
      margin={{ top: 10, right: 16, bottom: 24, left: 4 }}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke="#eef0f4" />
      <XAxis
        type="number"
        dataKey="dE"
        name={labels.dE}
        domain={xDomain}
        tickFormatter={fmtX}
        tick={tickFont}
        stroke={CHART_COLOURS.axis}
        label={{ value: labels.dE, position: 'insideBottom', offset: -14, fontSize: 12, fill: CHART_COLOURS.ink }}
      />
      <YAxis
        type="number"
        dataKey="dC"
        name={labels.dC}
        domain={yDomain}
        width={yWidth}
        tickFormatter={fmtY}
        tick={tickFont}
        stroke={CHART_COLOURS.axis}
      />
      <ReferenceLine x={0} stroke={CHART_COLOURS.zero} />
      <ReferenceLine y={0} stroke={CHART_COLOURS.zero} />
      {psa.plane.map((s) => (
        <Scatter
          key={s.id}
          name={s.name}
          data={s.points}
          fill={colourOf(s.id)}
          fillOpacity={0.35}
          shape="circle"
          isAnimationActive={false}
        />
      ))}
      {psa.plane.map((s) => (
        <Scatter
          key={`${s.id}-mean`}
          name={`${s.name}: ${labels.mean}`}
          data={[{ dE: s.meanDeltaEffect, dC: s.meanDeltaCost }]}
          fill={colourOf(s.id)}
          stroke={CHART_COLOURS.ink}
          strokeWidth={1.5}
          shape="diamond"
          legendType="diamond"
          isAnimationActive={false}
        />
      ))}
    </ScatterChart>
  );
}

export interface CeacChartProps {
  width: number;
  psa: PsaSummary;
  locale: string;
  colourOf: (strategyId: string) => string;
  labels: { lambda: string };
}

export function CeacChart({ width, psa, locale, colourOf, labels }: CeacChartProps) {
  const data = psa.ceac.points.map((p) => ({
    lambda: p.lambda,
    ...Object.fromEntries(p.shares.map((share, i) => [`s${i}`, share])),
  }));
  const fmtX = (v: number) => num(v, 0, locale);
  return (
    <LineChart
      width={width}
      height={320}
      data={data}
      margin={{ top: 10, right: 20, bottom: 24, left: 4 }}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke="#eef0f4" />
      <XAxis
        type="number"
        dataKey="lambda"
        domain={[0, psa.wtpMax]}
        tickFormatter={fmtX}
        tick={tickFont}
        stroke={CHART_COLOURS.axis}
        label={{ value: labels.lambda, position: 'insideBottom', offset: -14, fontSize: 12, fill: CHART_COLOURS.ink }}
      />
      <YAxis
        type="number"
        domain={[0, 1]}
        width={52}
        tickFormatter={(v: number) => percent(v, locale, 0)}
        tick={tickFont}
        stroke={CHART_COLOURS.axis}
      />
      <Tooltip
        isAnimationActive={false}
        content={tooltipContent<{ lambda: number } & Record<string, number>>(
          (row) => `${labels.lambda}: ${fmtX(row.lambda)}`,
          (row) => psa.ceac.strategies.map((s, i) => ({ name: s.name, text: percent(row[`s${i}`], locale) })),
        )}
      />
      {psa.ceac.strategies.map((s, i) => (
        <Line
          key={s.id}
          type="linear"
          dataKey={`s${i}`}
          name={s.name}
          stroke={colourOf(s.id)}
          strokeWidth={2}
          strokeDasharray={i % 2 === 1 ? '6 3' : undefined}
          dot={false}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}
