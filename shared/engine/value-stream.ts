/**
 * One outcome's impact and its value in each year (METHOD.md section 1).
 *
 *   impact = Q x P x (1 - DW) x (1 - DS) x (1 - AT)      the deductions multiply, never subtract
 *   k = t (starts during) or t - 1 (starts after)
 *   V(t) = impact x (1 - DO)^(k - 1) for 1 <= k <= D, else 0
 */
import { Dec, ONE, ZERO } from '../money/decimal';
import type { Outcome } from '../model/schema';

export interface OutcomeAdjustments {
  quantity: Dec;
  proxy: Dec;
  deadweight: Dec;
  displacement: Dec;
  attribution: Dec;
  dropOff: Dec;
}

export function readAdjustments(outcome: Outcome, effectiveProxy: Dec): OutcomeAdjustments {
  return {
    quantity: new Dec(outcome.quantity),
    proxy: effectiveProxy,
    deadweight: new Dec(outcome.deadweight),
    displacement: new Dec(outcome.displacement),
    attribution: new Dec(outcome.attribution),
    dropOff: new Dec(outcome.dropOff),
  };
}

export function impactOf(a: OutcomeAdjustments): Dec {
  return a.quantity
    .times(a.proxy)
    .times(ONE.minus(a.deadweight))
    .times(ONE.minus(a.displacement))
    .times(ONE.minus(a.attribution));
}

/** The last year (t) in which the outcome has value: D, one year later when it starts after the activity. */
export function lastYearOf(outcome: Pick<Outcome, 'duration' | 'start'>): number {
  if (outcome.duration === 0) return 0;
  return outcome.duration + (outcome.start === 'after' ? 1 : 0);
}

/**
 * Values for t = 1..horizon (index 0 is year 1). Drop-off applies from the outcome's second year to the
 * previous year's value, so year 1 is always the full impact (no 0^0 question even at 100 % drop-off).
 */
export function valueStream(
  impact: Dec,
  dropOff: Dec,
  duration: number,
  start: Outcome['start'],
  horizon: number,
): Dec[] {
  const values: Dec[] = [];
  const shift = start === 'after' ? 1 : 0;
  const keep = ONE.minus(dropOff);
  let current = impact;
  for (let t = 1; t <= horizon; t++) {
    const k = t - shift;
    if (k < 1 || k > duration) {
      values.push(ZERO);
      continue;
    }
    if (k > 1) current = current.times(keep);
    values.push(current);
  }
  return values;
}
