/**
 * The cost-effectiveness plane: each strategy at (effect, cost), the efficiency frontier joined by a line
 * from the reference, dominated strategies marked with a cross and extendedly dominated ones with a square,
 * each point named in words (colour is never the only cue). With a willingness to pay, a dashed line from the
 * reference with that slope: strategies below it are cost-effective at that threshold.
 */
import type { ReactElement } from 'react';
import { ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDecimal } from '../../../shared/format/locale';
import { Dec } from '../../../shared/money/decimal';
import { CHART_COLOURS } from '../charts/palette';
import { TICK_SIZE, tooltipContent, widest } from '../charts/primitives';
import { FONT_FAMILY } from '../charts/text-size';
import type { PlaneData, PlanePoint } from './ce-data';

export interface CePlaneChartProps {
  width: number;
  height?: number;
  data: PlaneData;
  locale: string;
  currency: string;
  effectUnit: string;
  /** The words after each point's name for its status, e.g. "(dominated)"; empty for the frontier. */
  statusWord: (point: PlanePoint) => string;
  costLabel: string;
  effectLabel: string;
  /** Willingness to pay per unit of effect, when one is applied. */
  willingnessToPay?: Dec | null;
}

const tickFont = { fontSize: TICK_SIZE, fontFamily: FONT_FAMILY, fill: CHART_COLOURS.muted };

/** A round step for about `count` intervals over `span`: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  return (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * magnitude;
}

/** A domain from round numbers that includes zero, with room past the largest value for the points' names. */
export function niceScale(values: number[], count = 5): { domain: [number, number]; ticks: number[] } {
  const finite = values.filter(Number.isFinite);
  const min = Math.min(0, ...finite);
  const max = Math.max(0, ...finite);
  const step = niceStep((max - min || 1) * 1.08, count);
  const low = Math.floor(min / step) * step;
  let high = Math.ceil(max / step) * step;
  if (high - max < step * 0.15) high += step;
  if (high === low) high = low + step;
  const ticks: number[] = [];
  for (let k = 0; low + k * step <= high + step / 1e6; k++) ticks.push(Number((low + k * step).toPrecision(12)));
  return { domain: [low, high], ticks };
}

export function CePlaneChart({
  width,
  height = 380,
  data,
  locale,
  currency,
  statusWord,
  costLabel,
  effectLabel,
  willingnessToPay,
}: CePlaneChartProps) {
  const axisNumber = (value: number) => (Number.isFinite(value) ? formatDecimal(new Dec(value), 0, locale) : '');
  const effectTick = (value: number) => {
    if (!Number.isFinite(value)) return '';
    const d = new Dec(value).toDecimalPlaces(4);
    return formatDecimal(d, Math.min(d.decimalPlaces(), 4), locale);
  };
  const x = niceScale(data.points.map((p) => p.effect));
  const y = niceScale(data.points.map((p) => p.cost));
  const xDomain = x.domain;
  const yWidth = Math.ceil(widest(y.ticks.map(axisNumber), TICK_SIZE) * 1.15) + 30;
  const margin = { top: 16, right: 20, bottom: 28, left: 8 };

  function Point(props: { cx?: number; cy?: number; payload?: PlanePoint }): ReactElement {
    const cx = Number(props.cx);
    const cy = Number(props.cy);
    const point = props.payload;
    if (!point || !Number.isFinite(cx) || !Number.isFinite(cy)) return <g />;
    const onFrontier = point.status === 'frontier' || point.status === 'reference';
    const rightSide = cx > width * 0.68;
    // Below and right of a frontier point no strategy can be (it would dominate the point) and the frontier
    // line leaves up and to the right: the name is written there, clear of the line.
    // (A point on the bottom edge keeps its name above, off the axis.)
    const below = onFrontier && !rightSide && cy < height - 90;
    const label = `${point.name}${statusWord(point) ? ` ${statusWord(point)}` : ''}`;
    return (
      <g className="ce-point">
        {onFrontier ? (
          <circle cx={cx} cy={cy} r={6} fill={CHART_COLOURS.value} stroke="#fff" strokeWidth={1.5} />
        ) : point.status === 'dominated' ? (
          <path
            d={`M${cx - 5},${cy - 5}L${cx + 5},${cy + 5}M${cx - 5},${cy + 5}L${cx + 5},${cy - 5}`}
            stroke={CHART_COLOURS.negative}
            strokeWidth={2.5}
          />
        ) : (
          <rect
            x={cx - 5}
            y={cy - 5}
            width={10}
            height={10}
            fill="#fff"
            stroke={CHART_COLOURS.costStroke}
            strokeWidth={2}
          />
        )}
        <text
          x={rightSide ? cx - 10 : cx + 10}
          y={below ? cy + 18 : cy - 8}
          textAnchor={rightSide ? 'end' : 'start'}
          fontSize={12}
          fontFamily={FONT_FAMILY}
          fill={CHART_COLOURS.ink}
          // A white halo keeps the name readable where a line passes under it.
          stroke="#fff"
          strokeWidth={4}
          strokeLinejoin="round"
          paintOrder="stroke"
        >
          {label}
        </text>
      </g>
    );
  }

  // The threshold line: from the reference, slope lambda, to the right edge of the plot.
  const reference = data.frontier[0];
  const lambda = willingnessToPay ? willingnessToPay.toNumber() : null;
  const segment =
    reference && lambda !== null && Number.isFinite(lambda)
      ? ([
          { x: reference.effect, y: reference.cost },
          { x: xDomain[1], y: reference.cost + lambda * (xDomain[1] - reference.effect) },
        ] as const)
      : null;

  return (
    <ScatterChart width={width} height={height} margin={margin} accessibilityLayer={false}>
      <XAxis
        type="number"
        dataKey="effect"
        domain={xDomain}
        ticks={x.ticks}
        tickFormatter={effectTick}
        tick={tickFont}
        stroke={CHART_COLOURS.axis}
        label={{ value: effectLabel, position: 'insideBottom', offset: -18, ...tickFont }}
        allowDataOverflow
      />
      <YAxis
        type="number"
        dataKey="cost"
        domain={y.domain}
        ticks={y.ticks}
        width={yWidth}
        tickFormatter={axisNumber}
        tick={tickFont}
        stroke={CHART_COLOURS.axis}
        label={{ value: costLabel, angle: -90, position: 'insideLeft', offset: 4, ...tickFont }}
        allowDataOverflow
      />
      <ReferenceLine x={0} stroke={CHART_COLOURS.zero} strokeWidth={1} />
      <ReferenceLine y={0} stroke={CHART_COLOURS.zero} strokeWidth={1} />
      {segment && (
        <ReferenceLine
          segment={segment}
          stroke={CHART_COLOURS.muted}
          strokeDasharray="6 4"
          strokeWidth={1.5}
          ifOverflow="hidden"
        />
      )}
      <Tooltip
        cursor={false}
        isAnimationActive={false}
        content={tooltipContent<PlanePoint>(
          (p) => p.name,
          (p) => [
            { name: costLabel, text: `${p.costText} ${currency}` },
            { name: effectLabel, text: p.effectText },
          ],
        )}
      />
      <Scatter
        data={data.frontier}
        line={{ stroke: CHART_COLOURS.value, strokeWidth: 2 }}
        lineJointType="linear"
        shape={Point}
        isAnimationActive={false}
      />
      <Scatter data={data.others} shape={Point} isAnimationActive={false} />
    </ScatterChart>
  );
}
