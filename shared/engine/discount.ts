/**
 * Discount factors. Outcome values are counted at the end of year t, inputs paid at the start of year t:
 *   value factor  (1 + r)^t       (guide)   or (1 + r)^(t - 1)   (year0: year 1 undiscounted)
 *   input factor  (1 + r)^(t - 1)
 * Factors are divisors: present value = amount / factor.
 */
import { type Dec, ONE } from '../money/decimal';
import type { YearOneConvention } from '../model/schema';

export class DiscountFactors {
  private readonly powers: Dec[] = [ONE];
  private readonly growth: Dec;

  constructor(
    readonly rate: Dec,
    readonly convention: YearOneConvention,
  ) {
    this.growth = ONE.plus(rate);
  }

  /** (1 + r)^n, cached because every outcome and every input asks for the same few powers. */
  power(n: number): Dec {
    while (this.powers.length <= n) {
      this.powers.push(this.powers[this.powers.length - 1].times(this.growth));
    }
    return this.powers[n];
  }

  forValue(year: number): Dec {
    return this.power(this.convention === 'guide' ? year : year - 1);
  }

  forInput(year: number): Dec {
    return this.power(year - 1);
  }

  valueFormula(): string {
    return this.convention === 'guide' ? 'V(t) / (1 + r)^t' : 'V(t) / (1 + r)^(t - 1)';
  }
}
