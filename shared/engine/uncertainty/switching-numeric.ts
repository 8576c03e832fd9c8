/**
 * Switching values that are not linear (METHOD.md "Sensitivity and switching values": drop-off, duration,
 * discount rate: "solve numerically (bisection on ratio - 1)"), plus the closed-form ones (switching.ts) stated
 * in words, so a report can print every switching value as a sentence:
 *
 *   "deadweight on 'X' would have to exceed 83 % for the ratio to fall to 1 : 1"
 *   "drop-off on 'X': cannot reach 1 : 1 through this outcome (at 100 % the ratio is still 1.52 : 1)"
 *
 * Everything is decimal and goes through computeSroi. The sign of ratio - 1 is the sign of NPV = PV - I (I > 0),
 * so the bisection works on NPV and never divides.
 *
 * - Drop-off (per outcome): the outcome's PV is monotone in its drop-off (sum of keep^(k - 1) f(k), keep = 1 - DO,
 *   times the impact), so the ratio crosses 1 : 1 at most once in 0..100 %. Bisection until the ratio is within
 *   1e-13 of 1, keeping the end of the interval that reaches 1 : 1 (not rounded: rounding is the display's job).
 * - Duration (per outcome): whole years 0..100 (the schema's range). PV is monotone in D (each added year adds a
 *   value of the impact's sign, or 0 at 100 % drop-off), so a binary search over whole years finds the year
 *   nearest the entered one that brings the ratio to 1 : 1 or past it: "N years or less" / "at least N years".
 * - Discount rate (project-wide): NPV(r) = sum V(t) / value factor(t) - sum I(t) / input factor(t), with V(t)
 *   and I(t) the base case's yearly totals (they do not depend on r). Not monotone in general (negative
 *   outcomes, inputs in later years), so it is scanned in steps of RATE_STEP from the entered rate upwards to
 *   `maxRate` and downwards to 0; the first sign change in each direction is bisected. Two crossings within
 *   one step (0.25 percentage points) could be missed; no realistic model has them.
 */
import type { Message } from '../../i18n/message';
import { Dec, ZERO } from '../../money/decimal';
import type { Outcome, Project } from '../../model/schema';
import { formatFixed, formatPercent, formatRatio } from '../../format/number';
import { DiscountFactors } from '../discount';
import { computeSroi, type SroiResult } from '../sroi';
import type { SwitchingValue } from '../switching';
import { english, message, numberParam, phrase } from '../text';
import {
  baseline,
  findOutcome,
  presentValueWith,
  withDiscountRate,
  withOutcomeValue,
  type Baseline,
} from './project-edit';

/** The bisection stops when the ratio is within this of 1 : 1 ... */
export const RATIO_TOLERANCE = new Dec('1e-13');
/** ... or after this many halvings (2^-100 is below the decimals' resolution). */
export const MAX_BISECTION_STEPS = 100;
export const RATE_STEP = new Dec('0.0025');
export const DEFAULT_MAX_RATE = new Dec(1);
export const MAX_DURATION = 100;

/** Not reachable: `reason` in English, `reasonText` the same as a message the interface translates. */
export interface Unreachable {
  reachable: false;
  reason: string;
  reasonText: Message;
  statement: string;
}

/** "up": the assumption must rise to reach 1 : 1; "down": fall; "none": the ratio is 1 : 1 already. */
export type SwitchDirection = 'up' | 'down' | 'none';

export type NumericSwitchingValue =
  | {
      reachable: true;
      /** The value at which the ratio is 1 : 1 (a fraction for drop-off and the discount rate). */
      value: Dec;
      current: Dec;
      direction: SwitchDirection;
      /** The ratio with the assumption at `value`, recomputed by the decimal engine (1 within 1e-9). */
      ratioAtValue: Dec;
      statement: string;
    }
  | Unreachable;

export type DurationSwitchingValue =
  | {
      reachable: true;
      /** The whole number of years nearest the entered one at which the ratio reaches or passes 1 : 1. */
      years: number;
      current: number;
      direction: SwitchDirection;
      /** The ratio at `years`: at or below 1 when it had to fall, at or above 1 when it had to rise. */
      ratioAtValue: Dec;
      statement: string;
    }
  | Unreachable;

export interface OutcomeNumericSwitching {
  outcomeId: string;
  outcomeName: string;
  dropOff: NumericSwitchingValue;
  duration: DurationSwitchingValue;
}

export interface DiscountRateSwitching {
  /** The nearest rate above the entered one at which the ratio is 1 : 1. */
  higher: NumericSwitchingValue;
  /** The nearest rate below the entered one (down to 0 %) at which the ratio is 1 : 1. */
  lower: NumericSwitchingValue;
}

export interface NumericSwitching {
  baseRatio: Dec | null;
  outcomes: OutcomeNumericSwitching[];
  discountRate: DiscountRateSwitching;
}

export interface NumericSwitchingOptions {
  /** Highest discount rate searched (a fraction; default 1 = 100 %). */
  maxRate?: Dec | string;
}

const CANNOT = 'cannot reach 1 : 1 through this outcome';

function sign(x: Dec): number {
  return x.isZero() ? 0 : x.isNegative() ? -1 : 1;
}

function goal(base: Baseline): string {
  const ratio = base.ratio;
  if (ratio === null) return '';
  return ratio.gt(1) ? 'for the ratio to fall to 1 : 1' : 'for the ratio to rise to 1 : 1';
}

const T = {
  noRatio: phrase('engine.common.zeroInvestment'),
  durationZero: phrase('engine.switching.why.durationZero'),
  oneYear: phrase('engine.switching.why.oneYear'),
  zeroValue: phrase('engine.switching.why.zeroValue'),
};

const cannotText = (why: Message) => message('engine.switching.cannotWhy', { why });
/** A fraction as the number of a "... %" in a sentence, to one decimal as formatPercent writes it. */
const percentParam = (fraction: Dec) => numberParam(fraction.times(100).toDecimalPlaces(1, Dec.ROUND_HALF_UP));
/** The ratio of a "still" reason to two places (a message drops the trailing zero: "1.2 : 1"). */
const ratioParam = (ratio: Dec) => numberParam(ratio.toDecimalPlaces(2, Dec.ROUND_HALF_UP));

/** `said` is the statement's own wording, where it writes a ratio with its two places ("still 1.20 : 1"). */
function unreachable(subject: string, reasonText: Message, said?: string): Unreachable {
  const reason = english(reasonText);
  return { reachable: false, reason, reasonText, statement: `${subject}: ${said ?? reason}` };
}

function ratioOf(pv: Dec, investment: Dec): Dec {
  return pv.div(investment);
}

/**
 * Bisect a sign change of NPV between `from` (where its sign is s0 != 0) and `to` (where it is not s0), until
 * the NPV at the `to` end is within RATIO_TOLERANCE x I of zero (the ratio within RATIO_TOLERANCE of 1) or
 * MAX_BISECTION_STEPS halvings have been made. Returns the `to` end: the value that reaches 1 : 1 or passes it
 * by less than the tolerance.
 */
function bisect(npv: (x: Dec) => Dec, from: Dec, to: Dec, s0: number, investment: Dec): Dec {
  const tolerance = investment.times(RATIO_TOLERANCE);
  let a = from;
  let b = to;
  if (npv(b).abs().lte(tolerance)) return b;
  for (let i = 0; i < MAX_BISECTION_STEPS; i++) {
    const m = a.plus(b).div(2);
    if (m.eq(a) || m.eq(b)) break; // the interval is down to the decimals' last digit
    const value = npv(m);
    if (sign(value) === s0) a = m;
    else {
      b = m;
      if (value.abs().lte(tolerance)) break;
    }
  }
  return b;
}

// ---------------------------------------------------------------------------------------------------------
// Drop-off

function dropOffOf(base: Baseline, outcome: Outcome): NumericSwitchingValue {
  const subject = `drop-off on '${outcome.name}'`;
  const I = base.investment;
  if (base.ratio === null) return unreachable(subject, T.noRatio);
  const current = new Dec(outcome.dropOff);
  if (base.ratio.eq(1)) {
    return {
      reachable: true,
      value: current,
      current,
      direction: 'none',
      ratioAtValue: base.ratio,
      statement: `${subject}: the ratio is already 1 : 1`,
    };
  }
  const npvAt = (x: Dec) => presentValueWith(base, withOutcomeValue(outcome, 'dropOff', x)).minus(I);
  const s0 = sign(base.presentValue.minus(I));
  const atOne = npvAt(new Dec(1));
  const atZero = npvAt(ZERO);
  if (atOne.eq(atZero)) {
    const why = outcome.duration === 0 ? T.durationZero : outcome.duration === 1 ? T.oneYear : T.zeroValue;
    return unreachable(subject, cannotText(why));
  }
  // NPV is monotone in the drop-off: move towards the end where it is nearer the other sign.
  const upwards = s0 > 0 ? atOne.lt(atZero) : atOne.gt(atZero);
  const end = upwards ? new Dec(1) : ZERO;
  const atEnd = upwards ? atOne : atZero;
  if (sign(atEnd) === s0) {
    const still = ratioOf(atEnd.plus(I), I);
    return unreachable(
      subject,
      cannotText(message('engine.switching.why.stillPercent', { value: percentParam(end), ratio: ratioParam(still) })),
      `${CANNOT} (at ${formatPercent(end)} the ratio is still ${formatRatio(still)})`,
    );
  }
  const value = bisect(npvAt, current, end, s0, I);
  const direction: SwitchDirection = end.gt(current) ? 'up' : 'down';
  const verb = direction === 'up' ? 'exceed' : 'fall below';
  return {
    reachable: true,
    value,
    current,
    direction,
    ratioAtValue: ratioOf(npvAt(value).plus(I), I),
    statement: `${subject} would have to ${verb} ${formatPercent(value)} ${goal(base)}`,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Duration

const years = (n: number) => `${n} year${n === 1 ? '' : 's'}`;

function durationOf(base: Baseline, outcome: Outcome): DurationSwitchingValue {
  const subject = `duration of '${outcome.name}'`;
  const I = base.investment;
  if (base.ratio === null) return unreachable(subject, T.noRatio);
  const current = outcome.duration;
  if (base.ratio.eq(1)) {
    return {
      reachable: true,
      years: current,
      current,
      direction: 'none',
      ratioAtValue: base.ratio,
      statement: `${subject}: the ratio is already 1 : 1`,
    };
  }
  const npvAt = (d: number) => presentValueWith(base, withOutcomeValue(outcome, 'duration', new Dec(d))).minus(I);
  const s0 = sign(base.presentValue.minus(I));
  const crosses = (d: number) => sign(npvAt(d)) !== s0;

  // NPV is monotone in the duration: move towards the end (0 or 100 years) where it is nearer the other sign.
  const atZero = npvAt(0);
  const atMax = npvAt(MAX_DURATION);
  if (atZero.eq(atMax)) return unreachable(subject, cannotText(T.zeroValue));
  const direction: SwitchDirection = (s0 > 0 ? atMax.lt(atZero) : atMax.gt(atZero)) ? 'up' : 'down';
  const end = direction === 'up' ? MAX_DURATION : 0;
  if (sign(direction === 'up' ? atMax : atZero) === s0) {
    const still = ratioOf((direction === 'up' ? atMax : atZero).plus(I), I);
    return unreachable(
      subject,
      cannotText(message('engine.switching.why.stillYears', { count: end, ratio: ratioParam(still) })),
      `${CANNOT} (at ${years(end)} the ratio is still ${formatRatio(still)})`,
    );
  }
  let found: number;
  if (direction === 'down') {
    // The crossing years form a run 0..N below the entered duration: find its top N.
    let lo = 0; // crosses
    let hi = current; // does not cross
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (crosses(mid)) lo = mid;
      else hi = mid;
    }
    found = lo;
  } else {
    // The crossing years form a run N..100 above the entered duration: find its bottom N.
    let lo = current; // does not cross
    let hi = MAX_DURATION; // crosses
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (crosses(mid)) hi = mid;
      else lo = mid;
    }
    found = hi;
  }
  const bound =
    direction === 'up'
      ? `at least ${years(found)}`
      : found === 0
        ? '0 years (the outcome left out)'
        : `${years(found)} or less`;
  return {
    reachable: true,
    years: found,
    current,
    direction,
    ratioAtValue: ratioOf(npvAt(found).plus(I), I),
    statement: `${subject} would have to be ${bound} ${goal(base)}`,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Discount rate

interface YearTotals {
  year: number;
  value: Dec;
  investment: Dec;
}

function npvAtRate(totals: YearTotals[], rate: Dec, convention: Project['settings']['yearOneConvention']): Dec {
  const factors = new DiscountFactors(rate, convention);
  let npv = ZERO;
  for (const t of totals) {
    if (!t.value.isZero()) npv = npv.plus(t.value.div(factors.forValue(t.year)));
    if (!t.investment.isZero()) npv = npv.minus(t.investment.div(factors.forInput(t.year)));
  }
  return npv;
}

function rateSearch(
  base: Baseline,
  totals: YearTotals[],
  direction: 'up' | 'down',
  maxRate: Dec,
): NumericSwitchingValue {
  const project = base.project;
  const current = new Dec(project.settings.discountRate);
  const convention = project.settings.yearOneConvention;
  const limit = direction === 'up' ? maxRate : ZERO;
  const subject = direction === 'up' ? 'a higher discount rate' : 'a lower discount rate';
  if (base.ratio === null) return unreachable(subject, T.noRatio);
  if (base.ratio.eq(1)) {
    return {
      reachable: true,
      value: current,
      current,
      direction: 'none',
      ratioAtValue: base.ratio,
      statement: 'the discount rate: the ratio is already 1 : 1',
    };
  }
  const npvAt = (r: Dec) => npvAtRate(totals, r, convention);
  const s0 = sign(base.presentValue.minus(base.investment));
  const noCrossing = () =>
    unreachable(
      subject,
      message('engine.switching.noRate', {
        from: direction === 'up' ? percentParam(current) : 0,
        to: percentParam(direction === 'up' ? maxRate : current),
      }),
    );
  if (direction === 'up' ? current.gte(maxRate) : current.isZero()) return noCrossing();

  // Grid points: the multiples of RATE_STEP strictly between the entered rate and the limit, then the limit.
  let previous = current;
  let k = direction === 'up' ? current.div(RATE_STEP).floor().plus(1) : current.div(RATE_STEP).ceil().minus(1);
  for (;;) {
    let point = RATE_STEP.times(k);
    if (direction === 'up' ? point.gte(limit) : point.lte(limit)) point = limit;
    if (sign(npvAt(point)) !== s0) {
      const value = bisect(npvAt, previous, point, s0, base.investment);
      const check = computeSroi(withDiscountRate(project, value)).ratio.value ?? ZERO;
      const verb = direction === 'up' ? 'exceed' : 'fall below';
      return {
        reachable: true,
        value,
        current,
        direction,
        ratioAtValue: check,
        statement: `the discount rate would have to ${verb} ${formatPercent(value)} ${goal(base)}`,
      };
    }
    if (point.eq(limit)) return noCrossing();
    previous = point;
    k = direction === 'up' ? k.plus(1) : k.minus(1);
  }
}

function yearTotals(result: SroiResult): YearTotals[] {
  return result.byYear.map((y) => ({ year: y.year, value: y.value, investment: y.investment }));
}

// ---------------------------------------------------------------------------------------------------------
// Public API

/** The drop-off of one outcome at which the ratio is 1 : 1. */
export function dropOffSwitchingValue(project: Project, outcomeId: string): NumericSwitchingValue {
  return dropOffOf(baseline(project), findOutcome(project, outcomeId));
}

/** The whole number of years of one outcome that brings the ratio to 1 : 1 (or just past it). */
export function durationSwitchingValue(project: Project, outcomeId: string): DurationSwitchingValue {
  return durationOf(baseline(project), findOutcome(project, outcomeId));
}

/** The discount rates, above and below the entered one, at which the ratio is 1 : 1. */
export function discountRateSwitchingValue(
  project: Project,
  options: NumericSwitchingOptions = {},
): DiscountRateSwitching {
  return discountRateOf(baseline(project), options);
}

function discountRateOf(base: Baseline, options: NumericSwitchingOptions): DiscountRateSwitching {
  const maxRate = new Dec(options.maxRate ?? DEFAULT_MAX_RATE);
  if (maxRate.lte(0)) throw new RangeError('maxRate must be above 0');
  const totals = yearTotals(base.result);
  return { higher: rateSearch(base, totals, 'up', maxRate), lower: rateSearch(base, totals, 'down', maxRate) };
}

/** Every non-linear switching value of a project: drop-off and duration per outcome, and the discount rate. */
export function numericSwitchingValues(project: Project, options: NumericSwitchingOptions = {}): NumericSwitching {
  const base = baseline(project);
  return {
    baseRatio: base.ratio,
    outcomes: project.outcomes.map((o) => ({
      outcomeId: o.id,
      outcomeName: o.name,
      dropOff: dropOffOf(base, o),
      duration: durationOf(base, o),
    })),
    discountRate: discountRateOf(base, options),
  };
}

// ---------------------------------------------------------------------------------------------------------
// The closed-form switching values (computeSroi's), in words

export interface LinearSwitchingStatements {
  outcomeId: string;
  outcomeName: string;
  proxy: string;
  quantity: string;
  deadweight: string;
  displacement: string;
  attribution: string;
}

function linearStatement(
  subject: string,
  value: SwitchingValue,
  current: Dec,
  show: (d: Dec) => string,
  goalText: string,
): string {
  if (!value.reachable) return `${subject}: ${value.reason}`;
  if (value.value.eq(current)) return `${subject}: the ratio is already 1 : 1`;
  const verb = value.value.gt(current) ? 'exceed' : 'fall below';
  return `${subject} would have to ${verb} ${show(value.value)} ${goalText}`;
}

/** computeSroi's closed-form switching values (METHOD.md) as sentences, one set per outcome. */
export function linearSwitchingStatements(
  project: Project,
  result = computeSroi(project),
): LinearSwitchingStatements[] {
  const ratio = result.ratio.value;
  const goalText =
    ratio === null ? '' : ratio.gt(1) ? 'for the ratio to fall to 1 : 1' : 'for the ratio to rise to 1 : 1';
  return result.outcomes.map((o) => {
    const source = findOutcome(project, o.id);
    const s = o.switching;
    const name = `'${o.name}'`;
    const money = (d: Dec) => `${formatFixed(d, 2)} ${source.proxy.currency}`;
    const count = (d: Dec) => formatFixed(d, 2);
    return {
      outcomeId: o.id,
      outcomeName: o.name,
      proxy: linearStatement(`the proxy for ${name}`, s.proxyValue, new Dec(source.proxy.value), money, goalText),
      quantity: linearStatement(`the quantity of ${name}`, s.quantity, new Dec(source.quantity), count, goalText),
      deadweight: linearStatement(
        `deadweight on ${name}`,
        s.deadweight,
        new Dec(source.deadweight),
        (d) => formatPercent(d),
        goalText,
      ),
      displacement: linearStatement(
        `displacement on ${name}`,
        s.displacement,
        new Dec(source.displacement),
        (d) => formatPercent(d),
        goalText,
      ),
      attribution: linearStatement(
        `attribution on ${name}`,
        s.attribution,
        new Dec(source.attribution),
        (d) => formatPercent(d),
        goalText,
      ),
    };
  });
}
