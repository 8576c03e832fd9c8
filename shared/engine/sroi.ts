/**
 * The SROI calculation of METHOD.md section 1, over a validated project. Pure: the same project always gives
 * the same result; nothing is stored. Every headline figure carries its explanation.
 */
import { Dec, ZERO } from '../money/decimal';
import type { Outcome, Project } from '../model/schema';
import { DiscountFactors } from './discount';
import { figure, input, percentInput, unavailable, type Figure, type Message, type OptionalFigure } from './figure';
import { computeInvestment, type InvestmentResult } from './investment';
import { discountedPayback, guidePayback } from './payback';
import { effectiveProxyValue } from './proxy';
import { notReachable, outcomeSwitching, type OutcomeSwitching, type SwitchingValue } from './switching';
import { impactOf, lastYearOf, readAdjustments, valueStream } from './value-stream';
import { message, quoted, phrase } from './text';
import { guardRails, VALUE_MAP_YEARS, warning, type EngineWarning } from './warnings';

export interface OutcomeResult {
  id: string;
  name: string;
  stakeholderId: string;
  proxy: Figure;
  impact: Figure;
  /** Undiscounted value in each year t = 1..horizon (index 0 is year 1). */
  values: Dec[];
  /** Discounted value in each year. */
  discountedValues: Dec[];
  undiscountedTotal: Dec;
  presentValue: Figure;
  /** Share of the total present value (0..1); null when the total is not positive. */
  shareOfValue: Dec | null;
  switching: OutcomeSwitching;
}

export interface GroupValue {
  key: string;
  label: string;
  presentValue: Dec;
  shareOfValue: Dec | null;
}

export interface YearValue {
  year: number;
  value: Dec;
  discountFactor: Dec;
  presentValue: Dec;
  investment: Dec;
  investmentPresentValue: Dec;
}

export interface SroiResult {
  currency: string;
  settings: { discountRate: Dec; yearOneConvention: Project['settings']['yearOneConvention'] };
  /** Years covered: as long as the longest outcome (and the latest input) needs. */
  horizon: number;
  investment: InvestmentResult;
  outcomes: OutcomeResult[];
  presentValue: Figure;
  undiscountedValue: Figure;
  netPresentValue: Figure;
  ratio: OptionalFigure;
  netRatio: OptionalFigure;
  paybackGuideMonths: OptionalFigure;
  paybackDiscountedMonths: OptionalFigure;
  /** One scale on all proxies that brings the ratio to 1 : 1 (k = I / PV). */
  allProxiesSwitch: SwitchingValue;
  /** The investment at which the ratio would be 1 : 1 (I' = PV). */
  investmentSwitch: Dec;
  byStakeholder: GroupValue[];
  byOutcome: GroupValue[];
  byYear: YearValue[];
  warnings: EngineWarning[];
}

// The engine's words, made once: a constant message costs nothing per figure.
const T = {
  impactFormula: phrase('engine.sroi.impactFormula'),
  quantity: phrase('engine.inputs.quantity'),
  proxy: phrase('engine.inputs.proxy'),
  deadweight: phrase('engine.inputs.deadweight'),
  displacement: phrase('engine.inputs.displacement'),
  attribution: phrase('engine.inputs.attribution'),
  impact: phrase('engine.inputs.impact'),
  dropOff: phrase('engine.inputs.dropOff'),
  duration: phrase('engine.inputs.duration'),
  starts: phrase('engine.inputs.starts'),
  during: phrase('engine.values.startsDuring'),
  after: phrase('engine.values.startsAfter'),
  discountRate: phrase('engine.inputs.discountRate'),
  convention: phrase('engine.inputs.yearOneConvention'),
  conventions: {
    guide: phrase('engine.values.convention.guide'),
    year0: phrase('engine.values.convention.year0'),
  },
  people: phrase('engine.units.people'),
  totalPresentValue: phrase('engine.sroi.totalPresentValue'),
  totalPresentValueFormula: phrase('engine.sroi.totalPresentValueFormula'),
  undiscounted: phrase('engine.sroi.undiscounted'),
  undiscountedFormula: phrase('engine.sroi.undiscountedFormula'),
  presentValuePV: phrase('engine.inputs.presentValuePV'),
  investmentI: phrase('engine.inputs.investmentI'),
  npv: phrase('engine.sroi.npv'),
  npvFormula: phrase('engine.sroi.npvFormula'),
  zeroInvestment: phrase('engine.common.zeroInvestment'),
  ratio: phrase('engine.sroi.ratio'),
  ratioFormula: phrase('engine.sroi.ratioFormula'),
  netRatio: phrase('engine.sroi.netRatio'),
  netRatioFormula: phrase('engine.sroi.netRatioFormula'),
  netRatioFormulaShort: phrase('engine.sroi.netRatioFormulaShort'),
  noAllProxiesSwitch: phrase('engine.switching.needsPositive'),
} as const;

/** "year" or "years" after a duration, one message per whole number of years (durations repeat). */
const yearsUnits: Message[] = [];
function yearsUnit(years: number): Message {
  return (yearsUnits[years] ??= phrase('engine.units.yearsCount', { count: years }));
}

/** "PV = sum over t of V(t) / (1 + r)^t", one message for each convention's discounting. */
const presentValueFormulas = new Map<string, Message>();
function presentValueFormula(discounting: string): Message {
  let formula = presentValueFormulas.get(discounting);
  if (formula === undefined) {
    formula = phrase('engine.sroi.presentValueFormula', { discounting });
    presentValueFormulas.set(discounting, formula);
  }
  return formula;
}

function shareOf(part: Dec, total: Dec): Dec | null {
  return total.gt(0) ? part.div(total) : null;
}

function computeOutcome(
  outcome: Outcome,
  project: Project,
  discount: DiscountFactors,
  horizon: number,
): Omit<OutcomeResult, 'shareOfValue' | 'switching'> {
  const currency = project.currency;
  const proxy = effectiveProxyValue(outcome.proxy, currency, project.priceYear);
  const a = readAdjustments(outcome, proxy.value);
  const impactValue = impactOf(a);
  const impact = figure(impactValue, message('engine.sroi.impactLabel', { outcome: outcome.name }), T.impactFormula, [
    input(T.quantity, a.quantity, T.people, outcome.evidenceSource),
    input(T.proxy, a.proxy, currency, outcome.proxy.source),
    percentInput(T.deadweight, a.deadweight),
    percentInput(T.displacement, a.displacement),
    percentInput(T.attribution, a.attribution),
  ]);

  const values = valueStream(impactValue, a.dropOff, outcome.duration, outcome.start, horizon);
  const discountedValues = values.map((v, i) => (v.isZero() ? v : v.div(discount.forValue(i + 1))));
  const pv = discountedValues.reduce((acc, v) => acc.plus(v), ZERO);
  const undiscountedTotal = values.reduce((acc, v) => acc.plus(v), ZERO);

  const presentValue = figure(
    pv,
    message('engine.sroi.presentValueLabel', { outcome: outcome.name }),
    presentValueFormula(discount.valueFormula()),
    [
      input(T.impact, impactValue, currency),
      percentInput(T.dropOff, a.dropOff),
      input(T.duration, String(outcome.duration), yearsUnit(outcome.duration)),
      input(T.starts, outcome.start === 'during' ? T.during : T.after),
      percentInput(T.discountRate, discount.rate),
      input(T.convention, T.conventions[discount.convention]),
      ...values.map((v, i) => input(`V(${i + 1})`, v, currency)),
    ],
  );

  return {
    id: outcome.id,
    name: outcome.name,
    stakeholderId: outcome.stakeholderId,
    proxy,
    impact,
    values,
    discountedValues,
    undiscountedTotal,
    presentValue,
  };
}

export function computeSroi(project: Project): SroiResult {
  const currency = project.currency;
  const discount = new DiscountFactors(new Dec(project.settings.discountRate), project.settings.yearOneConvention);
  const outcomeYears = project.outcomes.map(lastYearOf);
  const inputYears = project.inputs.map((i) => i.year);
  const horizon = Math.max(0, ...outcomeYears, ...inputYears);

  const investment = computeInvestment(project, discount);
  const I = investment.total.value;

  const partial = project.outcomes.map((o) => computeOutcome(o, project, discount, horizon));
  const pv = partial.reduce((acc, o) => acc.plus(o.presentValue.value), ZERO);
  const undiscounted = partial.reduce((acc, o) => acc.plus(o.undiscountedTotal), ZERO);
  const npv = pv.minus(I);

  const outcomes: OutcomeResult[] = partial.map((o, i) => {
    const source = project.outcomes[i];
    return {
      ...o,
      shareOfValue: shareOf(o.presentValue.value, pv),
      switching: outcomeSwitching(I, pv, o.presentValue.value, {
        proxy: new Dec(source.proxy.value),
        quantity: new Dec(source.quantity),
        deadweight: new Dec(source.deadweight),
        displacement: new Dec(source.displacement),
        attribution: new Dec(source.attribution),
      }),
    };
  });

  const outcomePvInputs = outcomes.map((o) =>
    input(message('engine.sroi.pvOf', { outcome: o.name }), o.presentValue.value, currency),
  );
  const presentValue = figure(pv, T.totalPresentValue, T.totalPresentValueFormula, outcomePvInputs);
  const undiscountedValue = figure(
    undiscounted,
    T.undiscounted,
    T.undiscountedFormula,
    outcomes.map((o) => input(quoted(o.name), o.undiscountedTotal, currency)),
  );
  const headlineInputs = [input(T.presentValuePV, pv, currency), input(T.investmentI, I, currency)];
  const netPresentValue = figure(npv, T.npv, T.npvFormula, headlineInputs);

  const ratio = I.gt(0)
    ? figure(pv.div(I), T.ratio, T.ratioFormula, headlineInputs)
    : unavailable(T.ratio, T.ratioFormula, headlineInputs, T.zeroInvestment);
  const netRatio = I.gt(0)
    ? figure(npv.div(I), T.netRatio, T.netRatioFormula, headlineInputs)
    : unavailable(T.netRatio, T.netRatioFormulaShort, headlineInputs, T.zeroInvestment);

  const valueInYear = (t: number) => outcomes.reduce((acc, o) => acc.plus(o.values[t - 1]), ZERO);
  const discountedInYear = (t: number) => outcomes.reduce((acc, o) => acc.plus(o.discountedValues[t - 1]), ZERO);
  const years = Array.from({ length: horizon }, (_, i) => i + 1);

  const byYear: YearValue[] = years.map((t) => {
    const inYear = investment.inputs.filter((i) => i.year === t);
    return {
      year: t,
      value: valueInYear(t),
      discountFactor: discount.forValue(t),
      presentValue: discountedInYear(t),
      investment: inYear.reduce((acc, i) => acc.plus(i.amount.value), ZERO),
      investmentPresentValue: inYear.reduce((acc, i) => acc.plus(i.presentValue), ZERO),
    };
  });

  const stakeholderPv = new Map<string, Dec>();
  for (const o of outcomes) {
    stakeholderPv.set(o.stakeholderId, (stakeholderPv.get(o.stakeholderId) ?? ZERO).plus(o.presentValue.value));
  }
  const byStakeholder: GroupValue[] = project.stakeholders
    .filter((s) => stakeholderPv.has(s.id))
    .map((s) => {
      const value = stakeholderPv.get(s.id) ?? ZERO;
      return { key: s.id, label: s.name, presentValue: value, shareOfValue: shareOf(value, pv) };
    });
  const byOutcome: GroupValue[] = outcomes.map((o) => ({
    key: o.id,
    label: o.name,
    presentValue: o.presentValue.value,
    shareOfValue: o.shareOfValue,
  }));

  const warnings = guardRails(
    project,
    outcomes.map((o) => o.presentValue.value),
    pv,
    I,
  );
  // A 5-year outcome that starts after the activity runs into year 6: past the Value Map's columns too.
  const valueYears = Math.max(0, ...outcomeYears);
  if (valueYears > VALUE_MAP_YEARS && !warnings.some((w) => w.code === 'LONG_DURATION')) {
    warnings.push(
      warning(
        'LONG_DURATION',
        '',
        message('engine.warnings.valuesPastValueMap', { years: valueYears, valueMapYears: VALUE_MAP_YEARS }),
      ),
    );
  }

  return {
    currency,
    settings: { discountRate: discount.rate, yearOneConvention: discount.convention },
    horizon,
    investment,
    outcomes,
    presentValue,
    undiscountedValue,
    netPresentValue,
    ratio,
    netRatio,
    paybackGuideMonths: guidePayback(I, horizon >= 1 ? valueInYear(1) : ZERO, currency),
    paybackDiscountedMonths: discountedPayback(I, years.map(discountedInYear), currency),
    allProxiesSwitch: I.gt(0) && pv.gt(0) ? { reachable: true, value: I.div(pv) } : notReachable(T.noAllProxiesSwitch),
    investmentSwitch: pv,
    byStakeholder,
    byOutcome,
    byYear,
    warnings,
  };
}
