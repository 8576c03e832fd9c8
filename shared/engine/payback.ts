/**
 * Both paybacks of METHOD.md, labelled apart in every output:
 * - Guide formula (months) = Investment / (sum of year-1 values / 12); undefined when year-1 value <= 0.
 * - Discounted: the month at which cumulative discounted value first reaches Investment, linear inside
 *   the year; undefined if never reached within the horizon.
 */
import { Dec, ZERO } from '../money/decimal';
import { figure, input, unavailable, type OptionalFigure } from './figure';

const TWELVE = new Dec(12);

export function guidePayback(investment: Dec, yearOneValue: Dec, currency: string): OptionalFigure {
  const label = 'Payback period (Guide formula)';
  const formula = 'months = Investment / (year-1 value / 12)';
  const inputs = [input('Investment', investment, currency), input('Value in year 1', yearOneValue, currency)];
  if (yearOneValue.lte(0)) {
    return unavailable(label, formula, inputs, 'n/a: the value in year 1 is zero or negative');
  }
  return figure(investment.div(yearOneValue.div(TWELVE)), label, formula, inputs);
}

export function discountedPayback(investment: Dec, discountedByYear: Dec[], currency: string): OptionalFigure {
  const label = 'Payback period (discounted)';
  const formula = 'first month at which cumulative discounted value reaches Investment (linear within a year)';
  const inputs = [
    input('Investment', investment, currency),
    ...discountedByYear.map((v, i) => input(`Discounted value, year ${i + 1}`, v, currency)),
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
  return unavailable(label, formula, inputs, 'n/a: the discounted value never reaches the investment');
}
