/**
 * Cost-effectiveness indicators of METHOD.md section 2 that need no comparator:
 *
 *   cost per output   = total cost / outputs                      (per syringe, per kit, per contact)
 *   cost per client   = total cost / unique clients
 *   cost per outcome  = total cost / (Q x (1 - DW))                (outcomes net of deadweight)
 *   benefit-cost ratio = PV(benefits) / PV(costs)
 *   ROI               = (PV(benefits) - PV(costs)) / PV(costs)
 *   break-even        = annual budget / value of one outcome       (outcomes a year for the programme to pay for itself)
 *
 * Each is an OptionalFigure: undefined, with the reason, when its divisor is zero (never a division by zero,
 * never "Infinity"), and also when an input is not a usable number (the reason names the input). Costs and
 * counts must be on the same price year and perspective: the caller passes one total cost for all of them.
 */
import { type Dec, ONE, ZERO } from '../../money/decimal';
import type { Outcome, Output } from '../../model/schema';
import type { Message, MessageParam } from '../../i18n/message';
import { figure, input, percentInput, unavailable, type ExplainedInput, type OptionalFigure } from '../figure';
import { message, numberParam, phrase } from '../text';
import { need, needCount, shown } from './read';

const T = {
  outputCountFormula: phrase('engine.ce.outputCountFormula'),
  totalCost: phrase('engine.inputs.totalCost'),
  theTotalCost: phrase('engine.ce.what.totalCost'),
  costPerOutputFormula: phrase('engine.ce.costPerOutputFormula'),
  na: phrase('engine.common.na'),
  countNotAvailable: phrase('engine.ce.countNotAvailable'),
  costPerClient: phrase('engine.ce.costPerClient'),
  costPerClientFormula: phrase('engine.ce.costPerClientFormula'),
  uniqueClients: phrase('engine.inputs.uniqueClients'),
  theUniqueClients: phrase('engine.ce.what.uniqueClients'),
  noClients: phrase('engine.ce.noClients'),
  people: phrase('engine.units.people'),
  netFormula: phrase('engine.ce.netOutcomesFormula'),
  quantity: phrase('engine.inputs.quantity'),
  theQuantity: phrase('engine.ce.what.quantity'),
  deadweight: phrase('engine.inputs.deadweight'),
  theDeadweight: phrase('engine.ce.what.deadweight'),
  costPerOutcomeFormula: phrase('engine.ce.costPerOutcomeFormula'),
  netOutcomes: phrase('engine.inputs.netOutcomes'),
  quantityZero: phrase('engine.ce.quantityZero'),
  deadweightFull: phrase('engine.ce.deadweightFull'),
  pvBenefits: phrase('engine.inputs.pvBenefits'),
  pvCosts: phrase('engine.inputs.pvCosts'),
  thePvBenefits: phrase('engine.ce.what.pvBenefits'),
  thePvCosts: phrase('engine.ce.what.pvCosts'),
  zeroCosts: phrase('engine.ce.zeroCosts'),
  bcr: phrase('engine.ce.bcr'),
  bcrFormula: phrase('engine.ce.bcrFormula'),
  roi: phrase('engine.ce.roi'),
  roiFormula: phrase('engine.ce.roiFormula'),
  outcomesWord: phrase('engine.ce.outcomesWord'),
  valueOfOneOutcome: phrase('engine.ce.valueOfOneOutcome'),
  valueOfOneOutcomeName: phrase('engine.inputs.valueOfOneOutcome'),
  annualBudget: phrase('engine.inputs.annualBudget'),
  theAnnualBudget: phrase('engine.ce.what.annualBudget'),
} as const;

// ---------------------------------------------------------------------------------------------------------
// Cost per output

export interface OutputCost {
  outputId: string;
  name: string;
  unit: string;
  /** Sum of the counts of all the output's records; breakdowns split a count and are not added to it. */
  count: OptionalFigure;
  costPerOutput: OptionalFigure;
}

/** Total outputs of one output type: the records' counts summed (breakdowns ignored for the total). */
export function outputCount(output: Output): OptionalFigure {
  const label = message('engine.ce.outputCountLabel', { output: output.name });
  const formula = T.outputCountFormula;
  const inputs: ExplainedInput[] = output.records.map((r) => input(r.period, shown(r.count), output.unit || undefined));
  let total = ZERO;
  for (const [i, record] of output.records.entries()) {
    const what = message('engine.ce.what.countOf', { period: record.period, path: `records[${i}].count` });
    const count = need(record.count, 'non-negative', what);
    if (!count.ok) return unavailable(label, formula, inputs, count.reason);
    total = total.plus(count.value);
  }
  return figure(total, label, formula, inputs);
}

/** Cost per output, for each output type: total cost / the output's total count. */
export function costPerOutput(totalCost: Dec | string, outputs: readonly Output[], currency?: string): OutputCost[] {
  const cost = need(totalCost, 'non-negative', T.theTotalCost);
  return outputs.map((output) => {
    const count = outputCount(output);
    const per = output.unit.trim() !== '' ? output.unit.trim() : output.name;
    const label = message('engine.ce.costPerOutputLabel', { output: output.name });
    const formula = T.costPerOutputFormula;
    const inputs = [
      input(T.totalCost, shown(totalCost), currency),
      input(message('engine.inputs.outputsOf', { output: output.name }), count.value ?? T.na, output.unit || undefined),
    ];
    const unit = currency
      ? message('engine.units.per', { unit: currency, per })
      : message('engine.units.perAlone', { per });
    let costPer: OptionalFigure;
    if (!cost.ok) costPer = unavailable(label, formula, inputs, cost.reason);
    else if (count.value === null) {
      costPer = unavailable(label, formula, inputs, count.explain.unavailableText ?? T.countNotAvailable);
    } else if (count.value.isZero()) {
      costPer = unavailable(label, formula, inputs, message('engine.ce.noOutputs', { output: output.name }));
    } else {
      const withUnit = message('engine.ce.costPerOutputLabelUnit', { output: output.name, unit });
      costPer = figure(cost.value.div(count.value), withUnit, formula, inputs);
    }
    return { outputId: output.id, name: output.name, unit: output.unit, count, costPerOutput: costPer };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Cost per client

/** Cost per client = total cost / unique clients (a count: a decimal, a decimal string or a whole number). */
export function costPerClient(
  totalCost: Dec | string,
  uniqueClients: Dec | string | number,
  currency?: string,
): OptionalFigure {
  const label = T.costPerClient;
  const formula = T.costPerClientFormula;
  const inputs = [
    input(T.totalCost, shown(totalCost), currency),
    input(T.uniqueClients, shown(uniqueClients), T.people),
  ];
  const cost = need(totalCost, 'non-negative', T.theTotalCost);
  if (!cost.ok) return unavailable(label, formula, inputs, cost.reason);
  const clients = needCount(uniqueClients, T.theUniqueClients);
  if (!clients.ok) return unavailable(label, formula, inputs, clients.reason);
  if (clients.value.isZero()) return unavailable(label, formula, inputs, T.noClients);
  return figure(cost.value.div(clients.value), label, formula, inputs);
}

// ---------------------------------------------------------------------------------------------------------
// Cost per outcome, net of deadweight

export interface OutcomeCost {
  outcomeId: string;
  name: string;
  /** Q x (1 - DW): the outcomes that would not have happened anyway. */
  netQuantity: OptionalFigure;
  costPerOutcome: OptionalFigure;
}

/** Cost per outcome = total cost / (Q x (1 - DW)), e.g. per overdose death averted. */
export function costPerOutcome(
  totalCost: Dec | string,
  outcome: Pick<Outcome, 'id' | 'name' | 'quantity' | 'deadweight'>,
  currency?: string,
): OutcomeCost {
  const netLabel = message('engine.ce.netOutcomesLabel', { outcome: outcome.name });
  const netFormula = T.netFormula;
  const q = need(outcome.quantity, 'non-negative', T.theQuantity);
  const dw = need(outcome.deadweight, 'fraction', T.theDeadweight);
  const netInputs = [
    input(T.quantity, shown(outcome.quantity)),
    dw.ok ? percentInput(T.deadweight, dw.value) : input(T.deadweight, shown(outcome.deadweight)),
  ];
  let netQuantity: OptionalFigure;
  if (!q.ok) netQuantity = unavailable(netLabel, netFormula, netInputs, q.reason);
  else if (!dw.ok) netQuantity = unavailable(netLabel, netFormula, netInputs, dw.reason);
  else netQuantity = figure(q.value.times(ONE.minus(dw.value)), netLabel, netFormula, netInputs);

  const label = message('engine.ce.costPerOutcomeLabel', { outcome: outcome.name });
  const formula = T.costPerOutcomeFormula;
  const inputs = [
    input(T.totalCost, shown(totalCost), currency),
    ...netInputs,
    input(T.netOutcomes, netQuantity.value ?? T.na),
  ];
  const cost = need(totalCost, 'non-negative', T.theTotalCost);
  let perOutcome: OptionalFigure;
  if (!cost.ok) perOutcome = unavailable(label, formula, inputs, cost.reason);
  else if (netQuantity.value === null) {
    perOutcome = unavailable(label, formula, inputs, netQuantity.explain.unavailableText ?? T.na);
  } else if (netQuantity.value.isZero()) {
    const why = q.ok && q.value.isZero() ? T.quantityZero : T.deadweightFull;
    perOutcome = unavailable(label, formula, inputs, message('engine.ce.noNetOutcomes', { why }));
  } else {
    perOutcome = figure(cost.value.div(netQuantity.value), label, formula, inputs);
  }
  return { outcomeId: outcome.id, name: outcome.name, netQuantity, costPerOutcome: perOutcome };
}

// ---------------------------------------------------------------------------------------------------------
// Benefit-cost ratio and ROI

type PresentValues =
  | { ok: true; inputs: ExplainedInput[]; benefits: Dec; costs: Dec }
  | { ok: false; inputs: ExplainedInput[]; reason: Message };

function presentValues(pvBenefits: Dec | string, pvCosts: Dec | string, currency: string | undefined): PresentValues {
  const inputs = [input(T.pvBenefits, shown(pvBenefits), currency), input(T.pvCosts, shown(pvCosts), currency)];
  const benefits = need(pvBenefits, 'any', T.thePvBenefits);
  if (!benefits.ok) return { ok: false, inputs, reason: benefits.reason };
  const costs = need(pvCosts, 'non-negative', T.thePvCosts);
  if (!costs.ok) return { ok: false, inputs, reason: costs.reason };
  if (costs.value.isZero()) return { ok: false, inputs, reason: T.zeroCosts };
  return { ok: true, inputs, benefits: benefits.value, costs: costs.value };
}

/** Benefit-cost ratio = PV(benefits) / PV(costs). */
export function benefitCostRatio(pvBenefits: Dec | string, pvCosts: Dec | string, currency?: string): OptionalFigure {
  const pv = presentValues(pvBenefits, pvCosts, currency);
  if (!pv.ok) return unavailable(T.bcr, T.bcrFormula, pv.inputs, pv.reason);
  return figure(pv.benefits.div(pv.costs), T.bcr, T.bcrFormula, pv.inputs);
}

/** Return on investment = (PV(benefits) - PV(costs)) / PV(costs) (= BCR - 1). */
export function returnOnInvestment(pvBenefits: Dec | string, pvCosts: Dec | string, currency?: string): OptionalFigure {
  const pv = presentValues(pvBenefits, pvCosts, currency);
  if (!pv.ok) return unavailable(T.roi, T.roiFormula, pv.inputs, pv.reason);
  return figure(pv.benefits.minus(pv.costs).div(pv.costs), T.roi, T.roiFormula, pv.inputs);
}

// ---------------------------------------------------------------------------------------------------------
// Break-even

export interface BreakEvenInput {
  /** What the programme costs in a year. */
  annualBudget: Dec | string;
  /** The value of one outcome, e.g. the lifetime cost of one HIV infection (must be above 0). */
  valueOfOneOutcome: Dec | string;
  /** The outcomes counted, plural, e.g. "HIV infections averted" (default "outcomes"). */
  outcomes?: string;
  /** What the value is, e.g. "lifetime cost of one HIV infection" (default "value of one outcome"). */
  valueName?: string;
  currency?: string;
  /** Where the value of one outcome comes from (a citation). */
  valueSource?: string;
}

/**
 * Break-even = annual budget / value of one outcome: the number of outcomes a year the programme needs for
 * its value to equal its cost. With the lifetime cost of an HIV infection, it is the number of infections the
 * service must avert each year to be cost-saving; the label says so in words.
 */
export function breakEven(args: BreakEvenInput): OptionalFigure {
  // The user's own words when given (as they wrote them), else the engine's, translated.
  const outcomes: MessageParam = args.outcomes?.trim() || T.outcomesWord;
  const givenName = args.valueName?.trim();
  const valueName: MessageParam = givenName || T.valueOfOneOutcome;
  const formula = message('engine.ce.breakEvenFormula', { valueName });
  const inputs = [
    input(T.annualBudget, shown(args.annualBudget), args.currency),
    input(
      givenName ? givenName.charAt(0).toUpperCase() + givenName.slice(1) : T.valueOfOneOutcomeName,
      shown(args.valueOfOneOutcome),
      args.currency,
      args.valueSource,
    ),
  ];
  const budget = need(args.annualBudget, 'non-negative', T.theAnnualBudget);
  const value = need(args.valueOfOneOutcome, 'any', message('engine.ce.what.the', { thing: valueName }));
  const baseLabel = message('engine.ce.breakEvenNeeded', { outcomes });
  if (!budget.ok) return unavailable(baseLabel, formula, inputs, budget.reason);
  if (!value.ok) return unavailable(baseLabel, formula, inputs, value.reason);
  if (value.value.lte(0)) {
    const key = value.value.isZero() ? 'engine.ce.breakEvenZero' : 'engine.ce.breakEvenNegative';
    return unavailable(baseLabel, formula, inputs, message(key, { valueName, outcomes }));
  }
  const n = budget.value.div(value.value);
  const label = message('engine.ce.breakEvenLabel', { number: numberParam(n), outcomes, valueName });
  return figure(n, label, formula, inputs);
}
