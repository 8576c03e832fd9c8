/**
 * Health effects (METHOD.md section 2): QALYs gained and DALYs averted, and the cost per QALY gained or per
 * DALY averted (= dC / dE, with the verdict words instead of a negative ratio).
 *
 * QALYs gained = sum over years t of utility gain(t) x persons(t) / (1 + r)^t, with the project's discount rate
 * and year convention, exactly as the SROI engine counts outcome values (at the end of year t; `year0` counts
 * year 1 undiscounted, exponent t - 1).
 *
 * DALYs averted = YLL + YLD, with YLL = deaths averted x years of life lost per death and YLD = disability
 * weight x duration (years) x persons. Undiscounted and without age weights, as in the Global Burden of
 * Disease since 2010; a discounted DALY (WHO-CHOICE's 3 %) is not computed here.
 */
import { type Dec, ZERO } from '../../money/decimal';
import type { YearOneConvention } from '../../model/schema';
import { DiscountFactors } from '../discount';
import { figure, input, percentInput, unavailable, type ExplainedInput, type OptionalFigure } from '../figure';
import { incrementalRatio } from './increment';
import { need, shown } from './read';
import type { Verdict } from './types';

// ---------------------------------------------------------------------------------------------------------
// QALYs

export interface QalyYear {
  /** Year of the gain, 1 = the first year of activity. Several entries may share a year (they add up). */
  year: number;
  /** Utility gained per person in that year (0..1 on the usual scale; negative for a loss). */
  utilityGain: Dec | string;
  /** How many people have the gain that year. */
  persons: Dec | string;
}

export interface DiscountSettings {
  /** The project's discount rate as a fraction ("0.035"); 0 allowed. */
  discountRate: Dec | string;
  /** Default `guide`: year 1 discounted one period, as the SROI engine does for outcome values. */
  yearOneConvention?: YearOneConvention;
}

export interface QalyYearResult {
  year: number;
  utilityGain: Dec;
  persons: Dec;
  /** utility gain x persons. */
  qalys: Dec;
  /** (1 + r)^t (guide) or (1 + r)^(t - 1) (year0): the divisor. */
  discountFactor: Dec;
  presentValue: Dec;
}

export interface QalyResult {
  /** Discounted QALYs gained: the effect to use in cost per QALY. */
  qalys: OptionalFigure;
  undiscounted: OptionalFigure;
  /** One row per entry given, in the order given; empty when an input is not usable. */
  byYear: QalyYearResult[];
}

export function qalysGained(years: readonly QalyYear[], settings: DiscountSettings): QalyResult {
  const convention: YearOneConvention = settings.yearOneConvention ?? 'guide';
  const exponent = convention === 'guide' ? 't' : '(t - 1)';
  const label = 'QALYs gained (discounted)';
  const formula = `QALYs = sum over t of utility gain(t) x persons(t) / (1 + r)^${exponent}`;
  const undiscountedLabel = 'QALYs gained (undiscounted)';
  const undiscountedFormula = 'QALYs = sum over t of utility gain(t) x persons(t)';
  const rawInputs: ExplainedInput[] = [
    input('Discount rate r', shown(settings.discountRate)),
    input('Year-one convention', convention),
    ...years.flatMap((y) => [
      input(`Utility gain, year ${y.year}`, shown(y.utilityGain)),
      input(`Persons, year ${y.year}`, shown(y.persons), 'people'),
    ]),
  ];
  const fail = (why: string): QalyResult => ({
    qalys: unavailable(label, formula, rawInputs, why),
    undiscounted: unavailable(undiscountedLabel, undiscountedFormula, rawInputs, why),
    byYear: [],
  });

  const rate = need(settings.discountRate, 'non-negative', 'the discount rate');
  if (!rate.ok) return fail(rate.reason);
  const discount = new DiscountFactors(rate.value, convention);

  const rows: QalyYearResult[] = [];
  for (const [i, y] of years.entries()) {
    if (!Number.isInteger(y.year) || y.year < 1 || y.year > 100) {
      return fail(`n/a: the year of entry ${i + 1} must be a whole number from 1 (the first year of activity) to 100`);
    }
    const gain = need(y.utilityGain, 'any', `the utility gain of year ${y.year}`);
    if (!gain.ok) return fail(gain.reason);
    const persons = need(y.persons, 'non-negative', `the number of persons of year ${y.year}`);
    if (!persons.ok) return fail(persons.reason);
    const qalys = gain.value.times(persons.value);
    const factor = discount.forValue(y.year);
    rows.push({
      year: y.year,
      utilityGain: gain.value,
      persons: persons.value,
      qalys,
      discountFactor: factor,
      presentValue: qalys.div(factor),
    });
  }
  const total = rows.reduce((acc, r) => acc.plus(r.presentValue), ZERO);
  const plain = rows.reduce((acc, r) => acc.plus(r.qalys), ZERO);
  const inputs: ExplainedInput[] = [
    percentInput('Discount rate r', rate.value),
    input('Year-one convention', convention),
    ...rows.map((r) => input(`QALYs in year ${r.year} (${r.utilityGain.toFixed()} x ${r.persons.toFixed()})`, r.qalys)),
  ];
  return {
    qalys: figure(total, label, formula, inputs),
    undiscounted: figure(plain, undiscountedLabel, undiscountedFormula, inputs.slice(2)),
    byYear: rows,
  };
}

// ---------------------------------------------------------------------------------------------------------
// DALYs

export interface DeathsAverted {
  /** What the deaths are, e.g. "Overdose deaths". */
  label?: string;
  deaths: Dec | string;
  /** Years of life lost per death: remaining life expectancy at the age of death. */
  yearsOfLifeLost: Dec | string;
}

export interface DisabilityAverted {
  /** What the condition is, e.g. "Hepatitis C, chronic". */
  label?: string;
  persons: Dec | string;
  /** Disability weight, 0 (full health) to 1 (equivalent to death). */
  disabilityWeight: Dec | string;
  /** Years the condition would have lasted. */
  durationYears: Dec | string;
}

export interface DalyResult {
  /** Years of life lost averted: sum of deaths x years of life lost per death. */
  yll: OptionalFigure;
  /** Years lived with disability averted: sum of disability weight x duration x persons. */
  yld: OptionalFigure;
  /** DALYs averted = YLL + YLD. */
  dalys: OptionalFigure;
}

export function dalysAverted(args: {
  deaths?: readonly DeathsAverted[];
  disability?: readonly DisabilityAverted[];
}): DalyResult {
  const deaths = args.deaths ?? [];
  const disability = args.disability ?? [];

  const yllLabel = 'Years of life lost (YLL) averted';
  const yllFormula = 'YLL = sum of deaths averted x years of life lost per death';
  const yllInputs = deaths.flatMap((d, i) => {
    const name = d.label?.trim() || `deaths ${i + 1}`;
    return [
      input(`${name}: deaths averted`, shown(d.deaths), 'deaths'),
      input(`${name}: years of life lost per death`, shown(d.yearsOfLifeLost), 'years'),
    ];
  });
  let yllTotal: Dec = ZERO;
  let yllReason: string | null = null;
  for (const [i, d] of deaths.entries()) {
    const name = d.label?.trim() ? `"${d.label.trim()}"` : `entry ${i + 1}`;
    const n = need(d.deaths, 'non-negative', `the deaths averted of ${name} (deaths[${i}].deaths)`);
    const years = need(
      d.yearsOfLifeLost,
      'non-negative',
      `the years of life lost of ${name} (deaths[${i}].yearsOfLifeLost)`,
    );
    if (!n.ok) yllReason = n.reason;
    else if (!years.ok) yllReason = years.reason;
    else {
      yllTotal = yllTotal.plus(n.value.times(years.value));
      continue;
    }
    break;
  }
  const yll =
    yllReason === null
      ? figure(yllTotal, yllLabel, yllFormula, yllInputs)
      : unavailable(yllLabel, yllFormula, yllInputs, yllReason);

  const yldLabel = 'Years lived with disability (YLD) averted';
  const yldFormula = 'YLD = sum of disability weight x duration x persons';
  const yldInputs = disability.flatMap((d, i) => {
    const name = d.label?.trim() || `condition ${i + 1}`;
    return [
      input(`${name}: persons`, shown(d.persons), 'people'),
      input(`${name}: disability weight`, shown(d.disabilityWeight)),
      input(`${name}: duration`, shown(d.durationYears), 'years'),
    ];
  });
  let yldTotal: Dec = ZERO;
  let yldReason: string | null = null;
  for (const [i, d] of disability.entries()) {
    const name = d.label?.trim() ? `"${d.label.trim()}"` : `entry ${i + 1}`;
    const persons = need(d.persons, 'non-negative', `the persons of ${name} (disability[${i}].persons)`);
    const weight = need(
      d.disabilityWeight,
      'fraction',
      `the disability weight of ${name} (disability[${i}].disabilityWeight)`,
    );
    const duration = need(d.durationYears, 'non-negative', `the duration of ${name} (disability[${i}].durationYears)`);
    if (!persons.ok) yldReason = persons.reason;
    else if (!weight.ok) yldReason = weight.reason;
    else if (!duration.ok) yldReason = duration.reason;
    else {
      yldTotal = yldTotal.plus(weight.value.times(duration.value).times(persons.value));
      continue;
    }
    break;
  }
  const yld =
    yldReason === null
      ? figure(yldTotal, yldLabel, yldFormula, yldInputs)
      : unavailable(yldLabel, yldFormula, yldInputs, yldReason);

  const label = 'DALYs averted';
  const formula = 'DALYs = YLL + YLD (undiscounted, no age weights)';
  const inputs = [input('YLL averted', yll.value ?? 'n/a', 'years'), input('YLD averted', yld.value ?? 'n/a', 'years')];
  const dalys =
    yll.value !== null && yld.value !== null
      ? figure(yll.value.plus(yld.value), label, formula, inputs)
      : unavailable(label, formula, inputs, yll.explain.unavailable ?? yld.explain.unavailable ?? 'n/a');
  return { yll, yld, dalys };
}

// ---------------------------------------------------------------------------------------------------------
// Cost per QALY gained, per DALY averted

/** dC / dE with its verdict: value null (and the words in `summary` and `explain.unavailable`) unless meaningful. */
export interface CostEffectRatio extends OptionalFigure {
  /** Null when an input is not a usable number. */
  verdict: Verdict | null;
  /** "ICER 12,500 EUR per QALY", "dominant (cost-saving)", "dominated", ... */
  summary: string;
}

function costPerEffect(
  incrementalCost: Dec | string,
  incrementalEffect: Dec | string,
  names: { label: string; effect: string; effectUnit: string; formula: string },
  currency: string | undefined,
): CostEffectRatio {
  const inputs = [
    input('Incremental cost dC', shown(incrementalCost), currency),
    input(`Incremental effect dE (${names.effect})`, shown(incrementalEffect), names.effectUnit),
  ];
  const dC = need(incrementalCost, 'any', 'the incremental cost dC');
  const dE = need(incrementalEffect, 'any', `the ${names.effect}`);
  if (!dC.ok || !dE.ok) {
    const why = !dC.ok ? dC.reason : !dE.ok ? dE.reason : 'n/a';
    return { ...unavailable(names.label, names.formula, inputs, why), verdict: null, summary: why };
  }
  const { verdict, summary, ratio } = incrementalRatio(
    dC.value,
    dE.value,
    { currency: currency ?? null, effectUnit: names.effectUnit, willingnessToPay: null },
    { label: names.label, formula: names.formula, subject: 'the programme', comparator: 'its comparator', inputs },
  );
  return { ...ratio, verdict, summary };
}

/** Cost per QALY gained = dC / dE, dE in (discounted) QALYs gained. */
export function costPerQalyGained(
  incrementalCost: Dec | string,
  qalysGained: Dec | string,
  currency?: string,
): CostEffectRatio {
  return costPerEffect(
    incrementalCost,
    qalysGained,
    { label: 'Cost per QALY gained', effect: 'QALYs gained', effectUnit: 'QALYs', formula: 'cost per QALY = dC / dE' },
    currency,
  );
}

/** Cost per DALY averted = dC / dE, dE in DALYs averted. */
export function costPerDalyAverted(
  incrementalCost: Dec | string,
  dalysAverted: Dec | string,
  currency?: string,
): CostEffectRatio {
  return costPerEffect(
    incrementalCost,
    dalysAverted,
    {
      label: 'Cost per DALY averted',
      effect: 'DALYs averted',
      effectUnit: 'DALYs averted',
      formula: 'cost per DALY averted = dC / dE',
    },
    currency,
  );
}
