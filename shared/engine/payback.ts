/**
 * Both paybacks of METHOD.md, labelled apart in every output:
 * - Guide formula (months) = Investment / (sum of year-1 values / 12); undefined when year-1 value <= 0.
 * - Discounted: the month at which cumulative discounted value first reaches Investment, linear inside
 *   the year; undefined if never reached within the horizon.
 */
import { Dec, ZERO } from '../money/decimal';
import { figure, input, unavailable, type OptionalFigure } from './figure';
import { message, phrase } from './text';

const TWELVE = new Dec(12);

const T = {
  guideLabel: phrase('engine.payback.guideLabel'),
  guideFormula: phrase('engine.payback.guideFormula'),
  discountedLabel: phrase('engine.payback.discountedLabel'),
  discountedFormula: phrase('engine.payback.discountedFormula'),
  investment: phrase('engine.inputs.investment'),
  yearOneValue: phrase('engine.inputs.yearOneValue'),
  noYearOneValue: phrase('engine.payback.noYearOneValue'),
  neverReached: phrase('engine.payback.neverReached'),
} as const;

export function guidePayback(investment: Dec, yearOneValue: Dec, currency: string): OptionalFigure {
  const label = T.guideLabel;
  const formula = T.guideFormula;
  const inputs = [input(T.investment, investment, currency), input(T.yearOneValue, yearOneValue, currency)];
  if (yearOneValue.lte(0)) {
    return unavailable(label, formula, inputs, T.noYearOneValue);
  }
  return figure(investment.div(yearOneValue.div(TWELVE)), label, formula, inputs);
}

export function discountedPayback(investment: Dec, discountedByYear: Dec[], currency: string): OptionalFigure {
  const label = T.discountedLabel;
  const formula = T.discountedFormula;
  const inputs = [
    input(T.investment, investment, currency),
    ...discountedByYear.map((v, i) =>
      input(message('engine.inputs.discountedValueInYear', { year: i + 1 }), v, currency),
    ),
  ];
  if (investment.lte(0)) return figure(ZERO, label, formula, inputs);
  let cumulative = ZERO;
  for (let i = 0; i < discountedByYear.length; i++) {
    const yearValue = discountedByYear[i];
    const next = cumulative.plus(yearValue);
    if (next.gte(investment) && yearValue.gt(0)) {
      const fraction = investment.minus(cumulative).div(yearValue);
      return figure(TWELVE.times(i).plus(TWELVE.times(fraction)), label, formula, inputs);
    }
    cumulative = next;
  }
  return unavailable(label, formula, inputs, T.neverReached);
}
