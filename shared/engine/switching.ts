/**
 * Closed-form switching values (METHOD.md "Sensitivity and switching values"). PV is linear in Q, P and each
 * (1 - x), so with PV_i the outcome's PV and I the investment, the multiplier that brings the ratio to 1 : 1 is
 *   k_i = (I - (PV - PV_i)) / PV_i
 * k_i <= 0 means the ratio cannot reach 1 : 1 through this outcome: we say so instead of printing a negative
 * proxy. Deadweight, displacement and attribution switch at x' = 1 - k_i (1 - x), valid only within 0..1.
 */
import { type Dec, ONE } from '../money/decimal';
import type { Message } from '../i18n/message';
import { english, phrase } from './text';

/** Not reachable: `reason` in English, `reasonText` the same as a message the interface translates. */
export type SwitchingValue =
  { reachable: true; value: Dec } | { reachable: false; reason: string; reasonText?: Message };

export interface OutcomeSwitching {
  /**
   * k_i itself, also when it is negative (shown as evidence of "cannot reach"); null when undefined
   * (zero investment or an outcome with no value).
   */
  rawMultiplier: Dec | null;
  /** k_i as a usable switching value: how many times the outcome's value must be multiplied for 1 : 1. */
  multiplier: SwitchingValue;
  /** The proxy value (in the proxy's own currency and price year) at 1 : 1. */
  proxyValue: SwitchingValue;
  quantity: SwitchingValue;
  deadweight: SwitchingValue;
  displacement: SwitchingValue;
  attribution: SwitchingValue;
}

const T = {
  cannot: phrase('engine.switching.cannot'),
  zeroPv: phrase('engine.switching.cannotZeroPv'),
  zeroInvestment: phrase('engine.common.zeroInvestment'),
  outside: {
    deadweight: phrase('engine.switching.cannotOutside', { name: phrase('engine.words.deadweight') }),
    displacement: phrase('engine.switching.cannotOutside', { name: phrase('engine.words.displacement') }),
    attribution: phrase('engine.switching.cannotOutside', { name: phrase('engine.words.attribution') }),
  },
} as const;

export function notReachable(reason: Message): SwitchingValue {
  return { reachable: false, reason: english(reason), reasonText: reason };
}

function adjustmentSwitch(k: Dec, current: Dec, name: keyof typeof T.outside): SwitchingValue {
  const switched = ONE.minus(k.times(ONE.minus(current)));
  if (switched.lt(0) || switched.gt(1)) return notReachable(T.outside[name]);
  return { reachable: true, value: switched };
}

export function outcomeSwitching(
  investment: Dec,
  totalPv: Dec,
  outcomePv: Dec,
  current: { proxy: Dec; quantity: Dec; deadweight: Dec; displacement: Dec; attribution: Dec },
): OutcomeSwitching {
  if (investment.lte(0)) {
    const none = notReachable(T.zeroInvestment);
    return {
      rawMultiplier: null,
      multiplier: none,
      proxyValue: none,
      quantity: none,
      deadweight: none,
      displacement: none,
      attribution: none,
    };
  }
  if (outcomePv.isZero()) {
    const none = notReachable(T.zeroPv);
    return {
      rawMultiplier: null,
      multiplier: none,
      proxyValue: none,
      quantity: none,
      deadweight: none,
      displacement: none,
      attribution: none,
    };
  }
  const k = investment.minus(totalPv.minus(outcomePv)).div(outcomePv);
  if (k.lte(0)) {
    const none = notReachable(T.cannot);
    return {
      rawMultiplier: k,
      multiplier: none,
      proxyValue: none,
      quantity: none,
      deadweight: none,
      displacement: none,
      attribution: none,
    };
  }
  return {
    rawMultiplier: k,
    multiplier: { reachable: true, value: k },
    proxyValue: { reachable: true, value: current.proxy.times(k) },
    quantity: { reachable: true, value: current.quantity.times(k) },
    deadweight: adjustmentSwitch(k, current.deadweight, 'deadweight'),
    displacement: adjustmentSwitch(k, current.displacement, 'displacement'),
    attribution: adjustmentSwitch(k, current.attribution, 'attribution'),
  };
}
