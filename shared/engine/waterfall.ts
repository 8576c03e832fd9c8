/**
 * The value waterfall: how gross value (Q x P x D) becomes present value through each deduction. A
 * calculation, so it lives in the engine; the charts and the report only draw and format its steps.
 */
import { Dec, ZERO } from '../money/decimal';
import type { Project } from '../model';
import type { SroiResult } from './sroi';

type DecType = Dec;

/**
 * The waterfall's arithmetic runs in a private decimal clone with a precision so large that sums and
 * differences of the engine's figures are never rounded (decimal.js stores only the digits a number needs,
 * so this costs nothing for everyday figures). There is no division here, so nothing is ever inexact, and
 * the steps add up to the engine's present value exactly, not to within a cent.
 */
const Exact = Dec.clone({ precision: 1_000_000 });
type Exact = InstanceType<typeof Exact>;
const exact = (value: DecType | string | number): Exact => new Exact(value);

export type WaterfallKey =
  | 'grossBenefits'
  | 'disbenefits'
  | 'deadweight'
  | 'displacement'
  | 'attribution'
  | 'dropOff'
  | 'discounting'
  | 'presentValue';

export interface WaterfallStep {
  key: WaterfallKey;
  /** A total is drawn from zero (gross benefits, present value); a change floats from the previous level. */
  kind: 'total' | 'change';
  /** For a total, its level; for a change, the signed amount it adds (negative: value taken away). */
  amount: DecType;
  /** The running level before and after the step (for a total, 0 and the total). */
  start: DecType;
  end: DecType;
}

/**
 * The value waterfall for the whole project, from gross value to present value (PV).
 *
 * Definitions, summed over all outcomes i (Q quantity, P the proxy in the model's currency and price year,
 * D the duration in years, DW/DS/AT/DO the deductions, impact = Q x P x (1 - DW) x (1 - DS) x (1 - AT)):
 *
 *   gross value   G  = sum Q x P x D                          the value if every unit counted in full, every
 *                                                               year of its duration, undiscounted
 *   deadweight        = sum Q x P x DW x D                     would have happened anyway
 *   displacement      = sum Q x P x (1 - DW) x DS x D          moved, not created
 *   attribution       = sum Q x P x (1 - DW) x (1 - DS) x D  - sum impact x D
 *                     (= sum Q x P x (1 - DW) x (1 - DS) x AT x D, up to the engine's 28-digit rounding of
 *                      the impact, which this step absorbs so the next levels are the engine's own)
 *   drop-off          = sum impact x D - undiscounted value    value lost as the outcome fades (the engine's
 *                                                               undiscounted total, sum over t of V(t))
 *   discounting       = undiscounted value - PV                the engine's totals
 *   present value PV  = G - deadweight - displacement - attribution - drop-off - discounting
 *
 * Every step is the difference between two consecutive levels computed exactly, so the sum telescopes: the
 * bars end at the engine's PV to the last digit (tests/charts prove it on generated projects).
 *
 * Disbenefits (outcomes with a negative proxy, such as nuisance displaced to a nearby street) are not netted
 * into the first bar, so a reader sees both what was gained and what was harmed: the chart starts with the
 * gross value of the benefits (outcomes with Q x P x D > 0) and takes the gross disbenefits (Q x P x D < 0)
 * away in a second step, shown only when there are any. The deductions that follow are net over all
 * outcomes: deadweight on a disbenefit means part of the harm would have happened anyway, so it is not the
 * programme's and gives value back. A deduction step therefore usually takes value away, but can add value
 * when disbenefits dominate it; the chart draws it in the direction of its sign, and the label carries the
 * sign, so colour is never the only cue.
 */
export function waterfallSteps(project: Project, result: SroiResult): WaterfallStep[] {
  let grossBenefits = exact(0);
  let disbenefits = exact(0);
  let afterDeadweight = exact(0);
  let afterDisplacement = exact(0);
  let afterAttribution = exact(0);

  result.outcomes.forEach((o, i) => {
    const source = project.outcomes[i];
    if (source === undefined || source.id !== o.id) {
      throw new Error(`The result does not match the project: outcome ${i + 1} is "${o.id}"`);
    }
    const years = exact(source.duration);
    const gross = exact(source.quantity).times(exact(o.proxy.value)).times(years);
    if (gross.isNeg()) disbenefits = disbenefits.plus(gross);
    else grossBenefits = grossBenefits.plus(gross);
    const keepDw = exact(1).minus(exact(source.deadweight));
    const keepDs = exact(1).minus(exact(source.displacement));
    afterDeadweight = afterDeadweight.plus(gross.times(keepDw));
    afterDisplacement = afterDisplacement.plus(gross.times(keepDw).times(keepDs));
    afterAttribution = afterAttribution.plus(exact(o.impact.value).times(years));
  });

  const undiscounted = exact(result.undiscountedValue.value);
  const presentValue = exact(result.presentValue.value);
  const gross = grossBenefits.plus(disbenefits);

  const steps: WaterfallStep[] = [
    { key: 'grossBenefits', kind: 'total', amount: grossBenefits, start: exact(0), end: grossBenefits },
  ];
  const change = (key: WaterfallKey, from: Exact, to: Exact) =>
    steps.push({ key, kind: 'change', amount: to.minus(from), start: from, end: to });
  if (!disbenefits.isZero()) change('disbenefits', grossBenefits, gross);
  change('deadweight', gross, afterDeadweight);
  change('displacement', afterDeadweight, afterDisplacement);
  change('attribution', afterDisplacement, afterAttribution);
  change('dropOff', afterAttribution, undiscounted);
  change('discounting', undiscounted, presentValue);
  steps.push({ key: 'presentValue', kind: 'total', amount: presentValue, start: exact(0), end: presentValue });
  return steps;
}

/** Gross value G = sum of Q x P x D over all outcomes (benefits plus disbenefits). */
export function grossValue(steps: WaterfallStep[]): DecType {
  const benefits = steps.find((s) => s.key === 'grossBenefits')?.amount ?? ZERO;
  const harms = steps.find((s) => s.key === 'disbenefits')?.amount ?? ZERO;
  return exact(benefits).plus(exact(harms));
}
