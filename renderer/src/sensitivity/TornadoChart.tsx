/**
 * The tornado: one row per assumption, widest swing on top. Each row is a bar from the ratio in the low case to
 * the ratio in the high case, split at the base case: the part reached with the assumption's low value in one
 * colour, the part reached with its high value in another, each end labelled with its ratio. A line marks the
 * base case and, when some case reaches it, a dashed line marks 1 : 1.
 */
import type { ReactNode } from 'react';
import { Bar, BarChart, ReferenceLine, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import { CHART_COLOURS, OKABE_ITO } from '../charts/palette';
import { LABEL_SIZE, rowTick, tooltipContent, widest } from '../charts/primitives';
import { FONT_FAMILY, wrapText } from '../charts/text-size';
import type { TornadoBar, TornadoData } from './tornado-data';

export const TORNADO_COLOURS = { low: OKABE_ITO.vermillion, high: OKABE_ITO.blue } as const;

export interface TornadoChartProps {
  width: number;
  data: TornadoData;
  bars: TornadoBar[];
  labels: { low: string; high: string; base: string; breakEven: string };
}

interface Datum {
  label: string;
  index: number;
  span: [number, number];
}

export function TornadoChart({ width, data, bars, labels }: TornadoChartProps) {
  const margin = { top: 22, right: 8, bottom: 4, left: 4 };
  const labelWidth = Math.round(Math.min(Math.max(width * 0.34, 130), 300));
  const nameLines = Math.max(1, ...bars.map((b) => wrapText(b.label, labelWidth - 12, 13, 2).length));
  const rowHeight = Math.max(30, Math.ceil(nameLines * 13 * 1.2 + 12));
  const height = bars.length * rowHeight + margin.top + margin.bottom;
  const plotWidth = Math.max(width - margin.left - margin.right - labelWidth, 80);

  const values = bars.flatMap((b) => [b.low, b.high]).concat(data.base);
  const ratioMeasure = data.measure === 'ratio';
  const crosses = ratioMeasure && bars.some((b) => Math.min(b.low, b.high) <= 1);
  if (crosses) values.push(1);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const room = widest(bars.flatMap((b) => [b.lowText, b.highText])) + 10;
  const usable = Math.max(plotWidth - 2 * room, plotWidth * 0.4);
  const unitsPerPx = (hi - lo || Math.abs(hi) || 1) / usable;
  const domain: [number, number] = [lo - room * unitsPerPx, hi + room * unitsPerPx];

  const chartData: Datum[] = bars.map((b, index) => ({
    label: b.label,
    index,
    span: [Math.min(b.low, b.high, b.base), Math.max(b.low, b.high, b.base)],
  }));

  function Row(props: BarShapeProps): ReactNode {
    const bar = bars[props.index];
    const datum = chartData[props.index];
    const x = Number(props.x);
    const w = Number(props.width);
    const y = Number(props.y);
    const h = Number(props.height);
    const left = Math.min(x, x + w);
    const width = Math.abs(w);
    const [from, to] = datum.span;
    const px = (v: number) => (to === from ? left : left + ((v - from) / (to - from)) * width);
    const basePx = px(bar.base);
    const segment = (value: number, fill: string) => {
      const a = Math.min(basePx, px(value));
      const b = Math.max(basePx, px(value));
      return b - a < 0.5 ? null : <rect x={a} y={y} width={b - a} height={h} fill={fill} shapeRendering="crispEdges" />;
    };
    const mid = y + h / 2 + LABEL_SIZE * 0.35;
    const text = (value: number, label: string) => {
      if (value === bar.base) return null;
      const rightSide = value > bar.base;
      return (
        <text
          x={rightSide ? px(value) + 5 : px(value) - 5}
          y={mid}
          textAnchor={rightSide ? 'start' : 'end'}
          fontSize={LABEL_SIZE}
          fontFamily={FONT_FAMILY}
          fill={CHART_COLOURS.ink}
        >
          {label}
        </text>
      );
    };
    // The longer segment first, so a shorter one on the same side stays visible on top of it.
    const lowFirst = Math.abs(bar.low - bar.base) >= Math.abs(bar.high - bar.base);
    const lowSeg = segment(bar.low, TORNADO_COLOURS.low);
    const highSeg = segment(bar.high, TORNADO_COLOURS.high);
    const sameSide = (bar.low - bar.base) * (bar.high - bar.base) > 0;
    return (
      <g className="chart-bar">
        {lowFirst ? lowSeg : highSeg}
        {lowFirst ? highSeg : lowSeg}
        {text(bar.low, bar.lowText)}
        {sameSide ? null : text(bar.high, bar.highText)}
        {bar.low === bar.base && bar.high === bar.base && (
          <text x={basePx + 5} y={mid} fontSize={LABEL_SIZE} fontFamily={FONT_FAMILY} fill={CHART_COLOURS.muted}>
            ±0
          </text>
        )}
      </g>
    );
  }

  return (
    <BarChart
      width={width}
      height={height}
      data={chartData}
      layout="vertical"
      margin={margin}
      barCategoryGap="22%"
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
        tick={rowTick(labelWidth, 2)}
      />
      {crosses && (
        <ReferenceLine
          x={1}
          stroke={CHART_COLOURS.negative}
          strokeDasharray="4 3"
          label={{ value: labels.breakEven, position: 'top', fontSize: 11, fill: CHART_COLOURS.ink }}
        />
      )}
      <ReferenceLine
        x={data.base}
        stroke={CHART_COLOURS.zero}
        strokeWidth={1.5}
        label={{ value: labels.base, position: 'top', fontSize: 11, fill: CHART_COLOURS.ink }}
      />
      <Tooltip
        cursor={{ fill: 'rgba(29, 35, 48, 0.05)' }}
        isAnimationActive={false}
        content={tooltipContent<Datum>(
          (row) => row.label,
          (row) => {
            const bar = bars[row.index];
            return [
              { name: `${labels.low} (${bar.lowValue})`, text: bar.lowText },
              { name: `${labels.high} (${bar.highValue})`, text: bar.highText },
            ];
          },
        )}
      />
      <Bar dataKey="span" isAnimationActive={false} shape={Row} />
    </BarChart>
  );
}
