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
import type { Message, MessageParam } from '../../i18n/message';
import { figure, input, percentInput, unavailable, type ExplainedInput, type OptionalFigure } from '../figure';
import { english, message, quoted, phrase } from '../text';
import { incrementalRatio } from './increment';
import { need, shown } from './read';
import type { Verdict } from './types';

const T = {
  qalyLabel: phrase('engine.ce.qalyLabel'),
  qalyUndiscountedLabel: phrase('engine.ce.qalyUndiscountedLabel'),
  qalyUndiscountedFormula: phrase('engine.ce.qalyUndiscountedFormula'),
  discountRate: phrase('engine.inputs.discountRate'),
  theDiscountRate: phrase('engine.ce.what.discountRate'),
  convention: phrase('engine.inputs.yearOneConvention'),
  conventions: {
    guide: phrase('engine.values.convention.guide'),
    year0: phrase('engine.values.convention.year0'),
  },
  people: phrase('engine.units.people'),
  deaths: phrase('engine.units.deaths'),
  years: phrase('engine.units.years'),
  yllLabel: phrase('engine.ce.yllLabel'),
  yllFormula: phrase('engine.ce.yllFormula'),
  yldLabel: phrase('engine.ce.yldLabel'),
  yldFormula: phrase('engine.ce.yldFormula'),
  dalyLabel: phrase('engine.ce.dalyLabel'),
  dalyFormula: phrase('engine.ce.dalyFormula'),
  yllAverted: phrase('engine.inputs.yllAverted'),
  yldAverted: phrase('engine.inputs.yldAverted'),
  na: phrase('engine.common.na'),
  dC: phrase('engine.inputs.dC'),
  theDC: phrase('engine.ce.what.dC'),
  programme: phrase('engine.ce.theProgramme'),
  itsComparator: phrase('engine.ce.itsComparator'),
} as const;

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
  const label = T.qalyLabel;
  const formula = message('engine.ce.qalyFormula', { exponent });
  const undiscountedLabel = T.qalyUndiscountedLabel;
  const undiscountedFormula = T.qalyUndiscountedFormula;
  const rawInputs: ExplainedInput[] = [
    input(T.discountRate, shown(settings.discountRate)),
    input(T.convention, T.conventions[convention]),
    ...years.flatMap((y) => [
      input(message('engine.inputs.utilityGainInYear', { year: y.year }), shown(y.utilityGain)),
      input(message('engine.inputs.personsInYear', { year: y.year }), shown(y.persons), T.people),
    ]),
  ];
  const fail = (why: Message): QalyResult => ({
    qalys: unavailable(label, formula, rawInputs, why),
    undiscounted: unavailable(undiscountedLabel, undiscountedFormula, rawInputs, why),
    byYear: [],
  });

  const rate = need(settings.discountRate, 'non-negative', T.theDiscountRate);
  if (!rate.ok) return fail(rate.reason);
  const discount = new DiscountFactors(rate.value, convention);

  const rows: QalyYearResult[] = [];
  for (const [i, y] of years.entries()) {
    if (!Number.isInteger(y.year) || y.year < 1 || y.year > 100) {
      return fail(message('engine.ce.badQalyYear', { entry: i + 1 }));
    }
    const gain = need(y.utilityGain, 'any', message('engine.ce.what.utilityGainOfYear', { year: y.year }));
    if (!gain.ok) return fail(gain.reason);
    const persons = need(y.persons, 'non-negative', message('engine.ce.what.personsOfYear', { year: y.year }));
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
    percentInput(T.discountRate, rate.value),
    input(T.convention, T.conventions[convention]),
    ...rows.map((r) =>
      input(
        message('engine.inputs.qalysInYear', {
          year: r.year,
          gain: { number: r.utilityGain.toFixed(), exact: true },
          persons: { number: r.persons.toFixed(), exact: true },
        }),
        r.qalys,
      ),
    ),
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

  const yllLabel = T.yllLabel;
  const yllFormula = T.yllFormula;
  const yllInputs = deaths.flatMap((d, i) => {
    const name: MessageParam = d.label?.trim() || message('engine.ce.deathsN', { n: i + 1 });
    return [
      input(message('engine.inputs.deathsAverted', { name }), shown(d.deaths), T.deaths),
      input(message('engine.inputs.yllPerDeath', { name }), shown(d.yearsOfLifeLost), T.years),
    ];
  });
  let yllTotal: Dec = ZERO;
  let yllReason: Message | null = null;
  for (const [i, d] of deaths.entries()) {
    const name = entryName(d.label, i);
    const n = need(d.deaths, 'non-negative', message('engine.ce.what.deathsOf', { name, path: `deaths[${i}].deaths` }));
    const years = need(
      d.yearsOfLifeLost,
      'non-negative',
      message('engine.ce.what.yllOf', { name, path: `deaths[${i}].yearsOfLifeLost` }),
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

  const yldLabel = T.yldLabel;
  const yldFormula = T.yldFormula;
  const yldInputs = disability.flatMap((d, i) => {
    const name: MessageParam = d.label?.trim() || message('engine.ce.conditionN', { n: i + 1 });
    return [
      input(message('engine.inputs.conditionPersons', { name }), shown(d.persons), T.people),
      input(message('engine.inputs.conditionWeight', { name }), shown(d.disabilityWeight)),
      input(message('engine.inputs.conditionDuration', { name }), shown(d.durationYears), T.years),
    ];
  });
  let yldTotal: Dec = ZERO;
  let yldReason: Message | null = null;
  for (const [i, d] of disability.entries()) {
    const name = entryName(d.label, i);
    const what = (key: string, field: string) => message(key, { name, path: `disability[${i}].${field}` });
    const persons = need(d.persons, 'non-negative', what('engine.ce.what.personsOf', 'persons'));
    const weight = need(d.disabilityWeight, 'fraction', what('engine.ce.what.weightOf', 'disabilityWeight'));
    const duration = need(d.durationYears, 'non-negative', what('engine.ce.what.durationOf', 'durationYears'));
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

  const label = T.dalyLabel;
  const formula = T.dalyFormula;
  const inputs = [input(T.yllAverted, yll.value ?? T.na, T.years), input(T.yldAverted, yld.value ?? T.na, T.years)];
  const dalys =
    yll.value !== null && yld.value !== null
      ? figure(yll.value.plus(yld.value), label, formula, inputs)
      : unavailable(label, formula, inputs, yll.explain.unavailableText ?? yld.explain.unavailableText ?? T.na);
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
  /** `summary` as a message the interface translates. */
  summaryText: Message;
}

/** `"Overdose deaths"` when the entry has a label, else "entry 2". */
function entryName(label: string | undefined, index: number): Message {
  const given = label?.trim();
  return given ? quoted(given) : message('engine.ce.entryN', { n: index + 1 });
}

interface EffectNames {
  label: Message;
  formula: Message;
  /** What dE is: "QALYs gained". */
  effect: Message;
  /** The unit after an amount ("QALYs") and after "per" ("QALY"). */
  plural: Message;
  one: Message;
}

function costPerEffect(
  incrementalCost: Dec | string,
  incrementalEffect: Dec | string,
  names: EffectNames,
  currency: string | undefined,
): CostEffectRatio {
  const inputs = [
    input(T.dC, shown(incrementalCost), currency),
    input(message('engine.inputs.dEOf', { effect: names.effect }), shown(incrementalEffect), names.plural),
  ];
  const dC = need(incrementalCost, 'any', T.theDC);
  const dE = need(incrementalEffect, 'any', message('engine.ce.what.the', { thing: names.effect }));
  if (!dC.ok || !dE.ok) {
    const why = !dC.ok ? dC.reason : !dE.ok ? dE.reason : T.na;
    return {
      ...unavailable(names.label, names.formula, inputs, why),
      verdict: null,
      summary: english(why),
      summaryText: why,
    };
  }
  const frame = {
    currency: currency ?? null,
    effectUnit: english(names.plural),
    willingnessToPay: null,
    unitText: { plural: names.plural, one: names.one },
  };
  const { verdict, summary, summaryText, ratio } = incrementalRatio(dC.value, dE.value, frame, {
    label: names.label,
    formula: names.formula,
    subject: T.programme,
    comparator: T.itsComparator,
    inputs,
  });
  return { ...ratio, verdict, summary, summaryText };
}

const QALY_NAMES: EffectNames = {
  label: phrase('engine.ce.costPerQaly'),
  formula: phrase('engine.ce.costPerQalyFormula'),
  effect: phrase('engine.ce.qalysGained'),
  plural: phrase('engine.units.qalys'),
  one: phrase('engine.units.qaly'),
};

const DALY_NAMES: EffectNames = {
  label: phrase('engine.ce.costPerDaly'),
  formula: phrase('engine.ce.costPerDalyFormula'),
  effect: phrase('engine.ce.dalysAverted'),
  plural: phrase('engine.units.dalysAverted'),
  one: phrase('engine.units.dalyAverted'),
};

/** Cost per QALY gained = dC / dE, dE in (discounted) QALYs gained. */
export function costPerQalyGained(
  incrementalCost: Dec | string,
  qalysGained: Dec | string,
  currency?: string,
): CostEffectRatio {
  return costPerEffect(incrementalCost, qalysGained, QALY_NAMES, currency);
}

/** Cost per DALY averted = dC / dE, dE in DALYs averted. */
export function costPerDalyAverted(
  incrementalCost: Dec | string,
  dalysAverted: Dec | string,
  currency?: string,
): CostEffectRatio {
  return costPerEffect(incrementalCost, dalysAverted, DALY_NAMES, currency);
}
