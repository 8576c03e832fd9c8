/**
 * The distribution editor's logic, apart from React: which parameters each distribution has, sensible first
 * values from the entered figure, and turning what was typed (in the user's locale, adjustments in percent)
 * into a model Distribution checked by the model's own zod schema, with a message per parameter.
 *
 * Beyond the schema, a range that cannot fit the assumption is refused (a uniform deadweight from -10 % to
 * 30 %, a negative minimum quantity, a beta on a count or an amount): the engine would clamp such draws, so the
 * distribution would not be what it says.
 */
import type { TFunction } from 'i18next';
import { Distribution } from '../../../shared/model/distribution';
import { canonical, dec, type Dec } from '../../../shared/money/decimal';
import { formatForEditing, parseLocaleNumber } from '../../../shared/format/locale';
import { distributionMoments } from '../../../shared/engine/uncertainty';
import { money, percent, plain } from './format';

export type DistributionType = Distribution['type'];
export type Parameter = 'min' | 'mode' | 'max' | 'mean' | 'sd' | 'se';

export const DISTRIBUTION_TYPES: readonly DistributionType[] = [
  'fixed',
  'uniform',
  'triangular',
  'pert',
  'normal',
  'lognormal',
  'gamma',
  'beta',
];

export const PARAMETERS: Record<DistributionType, readonly Parameter[]> = {
  fixed: [],
  uniform: ['min', 'max'],
  triangular: ['min', 'mode', 'max'],
  pert: ['min', 'mode', 'max'],
  normal: ['mean', 'sd'],
  lognormal: ['mean', 'se'],
  gamma: ['mean', 'se'],
  beta: ['mean', 'se'],
};

/** What the assumption is: decides the unit shown, the first values offered and the range checks. */
export type TargetKind = 'fraction' | 'quantity' | 'proxy' | 'cost' | 'effect';

/** One numeric assumption that may carry a distribution. */
export interface DistributionTarget {
  key: string;
  /** Its group (the outcome or strategy) and its own name, for lists and the picker. */
  group: string;
  field: string;
  kind: TargetKind;
  /** The entered value, canonical, in the model's unit (a fraction for adjustments). */
  base: string;
  currency?: string;
  unitLabel?: string;
  current: Distribution | undefined;
}

export type Params = Partial<Record<Parameter, string>>;
export type BuildResult =
  { ok: true; value: Distribution } | { ok: false; errors: Partial<Record<Parameter | 'form', string>> };

const isPercent = (target: DistributionTarget) => target.kind === 'fraction';

/** Model unit -> what the user types (percent for fractions), in the locale, at most 6 decimals. */
function shown(value: Dec, target: DistributionTarget, locale: string): string {
  const v = isPercent(target) ? value.times(100) : value;
  return formatForEditing(canonical(v.toDecimalPlaces(6)), locale, 6);
}

const clamp01 = (d: Dec) => (d.lt(0) ? dec(0) : d.gt(1) ? dec(1) : d);

/** First values for a newly chosen distribution, from the entered value (typed form). */
export function defaultParams(type: DistributionType, target: DistributionTarget, locale: string): Params {
  const b = dec(target.base);
  const fraction = target.kind === 'fraction';
  const spread = fraction ? dec('0.1') : b.abs().times('0.2');
  const lo = fraction ? clamp01(b.minus(spread)) : b.minus(spread);
  const hi = fraction ? clamp01(b.plus(spread)) : b.plus(spread);
  const min = target.kind === 'quantity' && lo.lt(0) ? dec(0) : lo;
  const show = (d: Dec) => shown(d, target, locale);
  switch (type) {
    case 'fixed':
      return {};
    case 'uniform':
      return { min: show(min), max: show(hi) };
    case 'triangular':
    case 'pert':
      return { min: show(min), mode: show(b), max: show(hi) };
    case 'normal': {
      const sd = fraction ? dec('0.05') : b.isZero() ? dec(1) : b.abs().times('0.1');
      return { mean: show(b), sd: show(sd) };
    }
    case 'lognormal':
    case 'gamma': {
      const mean = b.gt(0) ? b : fraction ? dec('0.1') : dec(1);
      return { mean: show(mean), se: show(mean.times('0.2')) };
    }
    case 'beta': {
      const mean = b.lt('0.01') ? dec('0.01') : b.gt('0.99') ? dec('0.99') : b;
      const limit = mean.times(dec(1).minus(mean)).sqrt();
      const se = Math.min(0.05, limit.times('0.5').toNumber());
      return { mean: show(mean), se: show(dec(se)) };
    }
  }
}

/** A stored distribution as typed parameters (to edit it). */
export function paramsOf(d: Distribution, target: DistributionTarget, locale: string): Params {
  const params: Params = {};
  for (const p of PARAMETERS[d.type]) {
    const value = (d as unknown as Record<Parameter, string>)[p];
    params[p] = shown(dec(value), target, locale);
  }
  return params;
}

/** The schema's own rules, in the interface's words; any other message after the parameter's name. */
const SCHEMA_RULES: Record<string, string> = {
  'min must not be above max': 'sensitivity.distribution.rule.minAboveMax',
  'must satisfy min <= mode <= max': 'sensitivity.distribution.rule.modeOutside',
  'the mean of a beta must be below 1': 'sensitivity.distribution.rule.betaMean',
};

function schemaMessage(message: string, key: Parameter | 'form', t: TFunction): string {
  const rule =
    SCHEMA_RULES[message] ??
    (message.startsWith('the SE is too large for a beta') ? 'sensitivity.distribution.rule.betaSe' : null);
  if (rule !== null) return t(rule);
  return key === 'form' ? message : `${t(`sensitivity.distribution.param.${key}`)} ${message}`;
}

/** What was typed, as a Distribution the model accepts, or a message for each parameter that is wrong. */
export function buildDistribution(
  type: DistributionType,
  params: Params,
  target: DistributionTarget,
  locale: string,
  t: TFunction,
): BuildResult {
  const errors: Partial<Record<Parameter | 'form', string>> = {};
  const values: Partial<Record<Parameter, Dec>> = {};
  for (const p of PARAMETERS[type]) {
    const parsed = parseLocaleNumber(params[p] ?? '', locale);
    if (!parsed.ok) errors[p] = `${t(`sensitivity.distribution.param.${p}`)} ${parsed.message}`;
    else values[p] = isPercent(target) ? dec(parsed.value).div(100) : dec(parsed.value);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const candidate: Record<string, string> = { type };
  for (const [p, v] of Object.entries(values)) candidate[p] = canonical(v as Dec);
  const checked = Distribution.safeParse(candidate);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const key = (issue.path[0] as Parameter | undefined) ?? 'form';
      errors[key] ??= schemaMessage(issue.message, key, t);
    }
    return { ok: false, errors };
  }
  const d = checked.data;

  // Ranges that cannot fit the assumption.
  const bounded = d.type === 'uniform' || d.type === 'triangular' || d.type === 'pert';
  if (target.kind === 'fraction' && bounded) {
    for (const p of ['min', 'max'] as const) {
      const v = values[p] as Dec;
      if (v.lt(0) || v.gt(1))
        errors[p] = t('sensitivity.distribution.outsidePercent', { name: t(`sensitivity.distribution.param.${p}`) });
    }
  }
  if (target.kind === 'quantity' && bounded && (values.min as Dec).lt(0)) {
    errors.min = t('sensitivity.distribution.negativeQuantity');
  }
  if (d.type === 'beta' && (target.kind === 'quantity' || target.kind === 'proxy' || target.kind === 'cost')) {
    errors.form = t('sensitivity.distribution.betaForFractions');
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: d };
}

/** A value of the assumption in its own unit, for descriptions. */
export function targetValue(value: Dec | number, target: DistributionTarget, locale: string): string {
  if (target.kind === 'fraction') return percent(value, locale);
  if (target.kind === 'proxy' || target.kind === 'cost') return money(value, target.currency ?? '', locale);
  const text = plain(value, locale, 2);
  return target.unitLabel ? `${text} ${target.unitLabel}` : text;
}

/** "Gamma: mean 6,000.00 EUR, SE 1,200.00 EUR" */
export function describeDistribution(
  d: Distribution,
  target: DistributionTarget,
  t: TFunction,
  locale: string,
): string {
  const parts = PARAMETERS[d.type].map((p) => {
    const value = dec((d as unknown as Record<Parameter, string>)[p]);
    return `${t(`sensitivity.distribution.short.${p}`)} ${targetValue(value, target, locale)}`;
  });
  const name = t(`sensitivity.distribution.name.${d.type}`);
  return parts.length === 0 ? name : `${name}: ${parts.join(', ')}`;
}

/** The distribution's own mean and standard deviation, in the assumption's unit. */
export function momentsText(d: Distribution, target: DistributionTarget, locale: string) {
  const m = distributionMoments(d, Number(target.base));
  return { mean: targetValue(m.mean, target, locale), sd: targetValue(Math.sqrt(m.variance), target, locale) };
}
