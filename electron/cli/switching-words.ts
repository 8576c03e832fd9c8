/**
 * Switching values in words (METHOD.md "Sensitivity and switching values"): how far one assumption of one
 * outcome must move, alone, for the SROI ratio to be exactly 1 : 1. The engine gives the multiplier k_i;
 * here it becomes a sentence whose direction depends on whether the outcome is a benefit or a disbenefit and
 * whether the ratio is now above or below 1. A negative proxy is never printed as a switching value.
 */
import type { OutcomeResult, SroiResult, SwitchingValue } from '../../shared/engine';
import type { Outcome } from '../../shared/model';
import { ONE } from '../../shared/money/decimal';
import { formatMoney, formatMultiplier, formatNumber, formatPercent } from '../../shared/format/number';

const ADJUSTMENTS = ['deadweight', 'displacement', 'attribution'] as const;

/** ["a", "b", "c"] -> "a, b and c". */
function joinWords(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The other single-assumption routes to 1 : 1: quantity and the three deductions (each with today's value). */
function alternatives(result: OutcomeResult, source: Outcome): string | null {
  const s = result.switching;
  const parts: string[] = [];
  if (s.quantity.reachable) {
    parts.push(`quantity ${formatNumber(s.quantity.value)} instead of ${formatNumber(source.quantity)}`);
  }
  const blocked: string[] = [];
  for (const name of ADJUSTMENTS) {
    const value: SwitchingValue = s[name];
    if (value.reachable) {
      parts.push(`${name} ${formatPercent(value.value)} instead of ${formatPercent(source[name])}`);
    } else {
      blocked.push(name);
    }
  }
  if (blocked.length > 0) {
    const pronoun = blocked.length === 1 ? 'it' : 'each';
    parts.push(`${joinWords(blocked)} cannot get there alone (${pronoun} would have to leave 0 % to 100 %)`);
  }
  return parts.length === 0 ? null : `or, one at a time: ${parts.join('; ')}`;
}

/** The headline sentence for one outcome, and a second line with the other routes when there are any. */
export function describeOutcomeSwitching(result: OutcomeResult, source: Outcome): string[] {
  const name = result.name;
  const s = result.switching;
  const pv = result.presentValue.value;
  if (!s.multiplier.reachable) {
    const k = s.rawMultiplier;
    if (k === null) return [`${name}: ${s.multiplier.reason}`];
    const side = pv.gt(0) ? 'at or above' : 'at or below';
    return [
      `${name}: cannot reach 1 : 1 through this outcome; the ratio stays ${side} 1 : 1 even without it (multiplier ${formatMultiplier(k)})`,
    ];
  }
  const k = s.multiplier.value;
  const times = `x ${formatMultiplier(k)}`;
  const proxy = s.proxyValue.reachable ? formatMoney(s.proxyValue.value, source.proxy.currency) : null;
  let headline: string;
  if (k.eq(1)) {
    headline = `${name}: the ratio is already exactly 1 : 1`;
  } else if (pv.gt(0) && k.lt(1)) {
    headline = `${name}: the proxy could fall to ${proxy} (${times}) and the ratio stay at 1 : 1`;
  } else if (pv.gt(0)) {
    headline = `${name}: the proxy would have to rise to ${proxy} (${times}) for the ratio to reach 1 : 1`;
  } else if (k.gt(1)) {
    headline = `${name}: the disbenefit would have to be ${formatNumber(k, 1)} times larger (proxy ${proxy}, ${times}) for the ratio to fall to 1 : 1`;
  } else {
    headline = `${name}: the disbenefit would have to shrink to ${formatPercent(k)} of its size (proxy ${proxy}, ${times}) for the ratio to reach 1 : 1`;
  }
  const more = k.eq(1) ? null : alternatives(result, source);
  return more === null ? [headline] : [headline, `  ${more}`];
}

/** The two whole-model switching values: one scale on all proxies (k = I / PV) and the investment (I' = PV). */
export function describeModelSwitching(result: SroiResult): string[] {
  const lines: string[] = [];
  const all = result.allProxiesSwitch;
  if (!all.reachable) {
    lines.push(`All proxies together: ${all.reason}`);
  } else if (all.value.lt(1)) {
    lines.push(
      `All proxies together: could fall to ${formatPercent(all.value)} of their values (x ${formatMultiplier(all.value)}) and the ratio stay at 1 : 1`,
    );
  } else if (all.value.gt(1)) {
    lines.push(
      `All proxies together: would have to rise x ${formatMultiplier(all.value)} for the ratio to reach 1 : 1`,
    );
  } else {
    lines.push('All proxies together: the ratio is already exactly 1 : 1');
  }
  const investment = result.investment.total.value;
  const target = result.investmentSwitch;
  if (target.lte(0)) {
    lines.push('Investment: n/a (the present value is not positive, so no investment gives 1 : 1)');
  } else if (investment.isZero()) {
    lines.push(`Investment: the ratio would be 1 : 1 at an investment of ${formatMoney(target, result.currency)}`);
  } else {
    const factor = target.div(investment);
    const amount = `${formatMoney(target, result.currency)} (x ${formatMultiplier(factor)})`;
    lines.push(
      factor.gte(ONE)
        ? `Investment: could rise to ${amount} and the ratio stay at 1 : 1`
        : `Investment: would have to fall to ${amount} for the ratio to reach 1 : 1`,
    );
  }
  return lines;
}
