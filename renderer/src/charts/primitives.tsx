/**
 * Building blocks shared by the charts: wrapped category labels, bars that write their own value, room for
 * those values (a padded domain), a plain tooltip. Everything is drawn inside the chart's <svg> with
 * presentation attributes, so an exported file looks exactly like the screen.
 */
import { Fragment, type ReactNode } from 'react';
import type { BarShapeProps } from 'recharts';
import { CHART_COLOURS } from './palette';
import { FONT_FAMILY, textWidth, wrapText } from './text-size';

export const LABEL_SIZE = 12;
export const TICK_SIZE = 12;

export interface WrappedTextProps {
  x: number;
  y: number;
  text: string;
  width: number;
  fontSize?: number;
  maxLines?: number;
  anchor?: 'start' | 'middle' | 'end';
  /** 'top': the first line hangs from y; 'middle': the block is centred on y. */
  align?: 'top' | 'middle';
  fill?: string;
  fontWeight?: number;
}

/**
 * The space between two wrapped lines, drawn at size 0: the text reads "discarded syringes", not
 * "discardedsyringes" (copied, read by a screen reader), and the lines stay where they are (a plain space
 * would move a line anchored at its end or middle by its width). Goes before every line but the first.
 */
export function LineSpace() {
  return <tspan fontSize={0}> </tspan>;
}

/** Text wrapped onto at most `maxLines` lines of `width` pixels, as <tspan>s (they survive export). */
export function WrappedText({
  x,
  y,
  text,
  width,
  fontSize = TICK_SIZE,
  maxLines = 3,
  anchor = 'middle',
  align = 'top',
  fill = CHART_COLOURS.ink,
  fontWeight = 400,
}: WrappedTextProps) {
  const lines = wrapText(text, Math.max(width, 24), fontSize, maxLines, fontWeight);
  const lineHeight = fontSize * 1.2;
  const first = align === 'top' ? y + fontSize : y - ((lines.length - 1) * lineHeight) / 2 + fontSize * 0.35;
  return (
    <text
      x={x}
      y={first}
      textAnchor={anchor}
      fontSize={fontSize}
      fontFamily={FONT_FAMILY}
      fontWeight={fontWeight}
      fill={fill}
    >
      <title>{text}</title>
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 && <LineSpace />}
          <tspan x={x} dy={i === 0 ? 0 : lineHeight}>
            {line}
          </tspan>
        </Fragment>
      ))}
    </text>
  );
}

/** The props recharts gives a custom axis tick (the parts the charts use). */
export interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}

/** A category tick under a column: centred, wrapped to the column's width. */
export function columnTick(bandWidth: number, maxLines = 3) {
  return function ColumnTick({ x, y, payload }: TickProps) {
    return (
      <WrappedText
        x={Number(x)}
        y={Number(y) + 2}
        text={String(payload?.value ?? '')}
        width={bandWidth - 8}
        maxLines={maxLines}
        fill={CHART_COLOURS.muted}
      />
    );
  };
}

/** A category tick left of a horizontal bar: right-aligned against the bars, wrapped, centred on the row. */
export function rowTick(labelWidth: number, maxLines = 2) {
  return function RowTick({ x, y, payload }: TickProps) {
    return (
      <WrappedText
        x={Number(x) - 6}
        y={Number(y)}
        text={String(payload?.value ?? '')}
        width={labelWidth - 12}
        maxLines={maxLines}
        anchor="end"
        align="middle"
        fontSize={13}
      />
    );
  };
}

/**
 * A numeric domain that includes zero and leaves room, in pixels, for the value labels written past the
 * ends of the bars: `after` beyond the largest value, `before` beyond the most negative one.
 */
export function paddedDomain(
  values: number[],
  plotPx: number,
  after: number,
  before: number,
  options: { alwaysAfter?: boolean } = {},
): [number, number] {
  const finite = values.filter(Number.isFinite);
  const max = Math.max(0, ...finite);
  const min = Math.min(0, ...finite);
  const span = max - min || 1;
  const roomAfter = options.alwaysAfter || max > 0 || min === 0 ? after : 0;
  const roomBefore = min < 0 ? before : 0;
  const usable = Math.max(plotPx - roomAfter - roomBefore, plotPx * 0.35);
  const unitsPerPx = span / usable;
  return [min - roomBefore * unitsPerPx, max + roomAfter * unitsPerPx];
}

export interface LabelledBarOptions {
  /** The text written at the end of bar `index`. */
  textOf: (index: number) => string;
  /** The bar's colour (by default the series colour). */
  fillOf?: (index: number) => string;
  stroke?: string;
  layout: 'vertical-bars' | 'horizontal-bars';
  /** True when the bar's value is negative: a column's label goes below it. */
  negativeOf: (index: number) => boolean;
  showLabel?: boolean;
  fontSize?: number;
}

/**
 * A bar shape that writes its value just past the bar's end (above a column, below it when negative; right
 * of a horizontal bar), in the chart's ink colour, never on the colour itself.
 */
export function labelledBar(options: LabelledBarOptions) {
  const fontSize = options.fontSize ?? LABEL_SIZE;
  return function LabelledBar(props: BarShapeProps): ReactNode {
    const { index } = props;
    const x = Number(props.x);
    const y = Number(props.y);
    const w = Number(props.width);
    const h = Number(props.height);
    const left = Math.min(x, x + w);
    const top = Math.min(y, y + h);
    const width = Math.abs(w);
    const height = Math.abs(h);
    const fill = options.fillOf?.(index) ?? String(props.fill ?? CHART_COLOURS.value);
    const negative = options.negativeOf(index);
    const text = options.textOf(index);
    let label: ReactNode = null;
    if (options.showLabel !== false && text) {
      label =
        options.layout === 'vertical-bars' ? (
          <text
            x={left + width / 2}
            y={negative ? top + height + fontSize + 3 : top - 5}
            textAnchor="middle"
            fontSize={fontSize}
            fontFamily={FONT_FAMILY}
            fill={CHART_COLOURS.ink}
          >
            {text}
          </text>
        ) : (
          // Right of the bar's end; for a negative bar that end is the zero line, so its value is written on
          // the positive side, next to the line, and needs no room of its own left of the bars.
          <text
            x={left + width + 6}
            y={top + height / 2 + fontSize * 0.35}
            textAnchor="start"
            fontSize={fontSize}
            fontFamily={FONT_FAMILY}
            fill={CHART_COLOURS.ink}
          >
            {text}
          </text>
        );
    }
    return (
      <g className="chart-bar">
        <rect
          x={left}
          y={top}
          width={width}
          height={Math.max(height, 0)}
          fill={fill}
          stroke={options.stroke}
          strokeWidth={options.stroke ? 1 : undefined}
          shapeRendering="crispEdges"
        />
        {label}
      </g>
    );
  };
}

/** The widest of some texts at the label size, in pixels. */
export function widest(texts: string[], fontSize = LABEL_SIZE): number {
  return Math.max(0, ...texts.map((t) => textWidth(t, fontSize)));
}

export interface TooltipLine {
  name: string;
  text: string;
}

/** A quiet tooltip: the category, then each series' exact figure, read from the row itself. */
export function tooltipContent<Row>(titleOf: (row: Row) => string, linesOf: (row: Row) => TooltipLine[]) {
  return function ChartTooltip(props: { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> }) {
    const row = props.active ? (props.payload?.[0]?.payload as Row | undefined) : undefined;
    if (row === undefined) return null;
    return (
      <div className="chart-tooltip">
        <p className="chart-tooltip-title">{titleOf(row)}</p>
        {linesOf(row).map((line) => (
          <p key={line.name}>
            {line.name ? `${line.name}: ` : ''}
            <strong>{line.text}</strong>
          </p>
        ))}
      </div>
    );
  };
}
