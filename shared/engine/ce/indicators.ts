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
import { figure, input, percentInput, unavailable, type ExplainedInput, type OptionalFigure } from '../figure';
import { need, needCount, shown, words } from './read';

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
  const label = `Outputs counted: ${output.name}`;
  const formula = 'outputs = sum of the counts of all periods (breakdowns split a count, they are not added)';
  const inputs: ExplainedInput[] = output.records.map((r) => input(r.period, shown(r.count), output.unit || undefined));
  let total = ZERO;
  for (const [i, record] of output.records.entries()) {
    const count = need(record.count, 'non-negative', `the count of ${record.period} (records[${i}].count)`);
    if (!count.ok) return unavailable(label, formula, inputs, count.reason);
    total = total.plus(count.value);
  }
  return figure(total, label, formula, inputs);
}

/** Cost per output, for each output type: total cost / the output's total count. */
export function costPerOutput(totalCost: Dec | string, outputs: readonly Output[], currency?: string): OutputCost[] {
  const cost = need(totalCost, 'non-negative', 'the total cost');
  return outputs.map((output) => {
    const count = outputCount(output);
    const per = output.unit.trim() !== '' ? output.unit.trim() : output.name;
    const label = `Cost per output: ${output.name}`;
    const formula = 'cost per output = total cost / outputs';
    const inputs = [
      input('Total cost', shown(totalCost), currency),
      input(`Outputs: ${output.name}`, count.value ?? 'n/a', output.unit || undefined),
    ];
    const unit = currency ? `${currency} per ${per}` : `per ${per}`;
    let costPer: OptionalFigure;
    if (!cost.ok) costPer = unavailable(label, formula, inputs, cost.reason);
    else if (count.value === null) {
      costPer = unavailable(label, formula, inputs, count.explain.unavailable ?? 'n/a: the count is not available');
    } else if (count.value.isZero()) {
      costPer = unavailable(
        label,
        formula,
        inputs,
        `n/a: no "${output.name}" were counted (0), so the cost per output is undefined`,
      );
    } else {
      costPer = figure(cost.value.div(count.value), `${label} (${unit})`, formula, inputs);
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
  const label = 'Cost per client';
  const formula = 'cost per client = total cost / unique clients';
  const inputs = [
    input('Total cost', shown(totalCost), currency),
    input('Unique clients', shown(uniqueClients), 'people'),
  ];
  const cost = need(totalCost, 'non-negative', 'the total cost');
  if (!cost.ok) return unavailable(label, formula, inputs, cost.reason);
  const clients = needCount(uniqueClients, 'the number of unique clients');
  if (!clients.ok) return unavailable(label, formula, inputs, clients.reason);
  if (clients.value.isZero()) {
    return unavailable(
      label,
      formula,
      inputs,
      'n/a: there are no unique clients (0), so the cost per client is undefined',
    );
  }
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
  const netLabel = `Outcomes net of deadweight: ${outcome.name}`;
  const netFormula = 'net outcomes = Q x (1 - DW)';
  const q = need(outcome.quantity, 'non-negative', 'the quantity Q');
  const dw = need(outcome.deadweight, 'fraction', 'the deadweight DW');
  const netInputs = [
    input('Quantity Q', shown(outcome.quantity)),
    dw.ok ? percentInput('Deadweight DW', dw.value) : input('Deadweight DW', shown(outcome.deadweight)),
  ];
  let netQuantity: OptionalFigure;
  if (!q.ok) netQuantity = unavailable(netLabel, netFormula, netInputs, q.reason);
  else if (!dw.ok) netQuantity = unavailable(netLabel, netFormula, netInputs, dw.reason);
  else netQuantity = figure(q.value.times(ONE.minus(dw.value)), netLabel, netFormula, netInputs);

  const label = `Cost per outcome: ${outcome.name}`;
  const formula = 'cost per outcome = total cost / (Q x (1 - DW))';
  const inputs = [
    input('Total cost', shown(totalCost), currency),
    ...netInputs,
    input('Outcomes net of deadweight', netQuantity.value ?? 'n/a'),
  ];
  const cost = need(totalCost, 'non-negative', 'the total cost');
  let perOutcome: OptionalFigure;
  if (!cost.ok) perOutcome = unavailable(label, formula, inputs, cost.reason);
  else if (netQuantity.value === null) {
    perOutcome = unavailable(label, formula, inputs, netQuantity.explain.unavailable ?? 'n/a');
  } else if (netQuantity.value.isZero()) {
    const why = q.ok && q.value.isZero() ? 'the quantity Q is 0' : 'the deadweight is 100 %';
    perOutcome = unavailable(
      label,
      formula,
      inputs,
      `n/a: net of deadweight there are no outcomes (${why}), so the cost per outcome is undefined`,
    );
  } else {
    perOutcome = figure(cost.value.div(netQuantity.value), label, formula, inputs);
  }
  return { outcomeId: outcome.id, name: outcome.name, netQuantity, costPerOutcome: perOutcome };
}

// ---------------------------------------------------------------------------------------------------------
// Benefit-cost ratio and ROI

type PresentValues =
  | { ok: true; inputs: ExplainedInput[]; benefits: Dec; costs: Dec }
  | { ok: false; inputs: ExplainedInput[]; reason: string };

function presentValues(pvBenefits: Dec | string, pvCosts: Dec | string, currency: string | undefined): PresentValues {
  const inputs = [input('PV of benefits', shown(pvBenefits), currency), input('PV of costs', shown(pvCosts), currency)];
  const benefits = need(pvBenefits, 'any', 'the PV of benefits');
  if (!benefits.ok) return { ok: false, inputs, reason: benefits.reason };
  const costs = need(pvCosts, 'non-negative', 'the PV of costs');
  if (!costs.ok) return { ok: false, inputs, reason: costs.reason };
  if (costs.value.isZero()) {
    return { ok: false, inputs, reason: 'n/a: the PV of costs is zero, so the ratio is undefined' };
  }
  return { ok: true, inputs, benefits: benefits.value, costs: costs.value };
}

/** Benefit-cost ratio = PV(benefits) / PV(costs). */
export function benefitCostRatio(pvBenefits: Dec | string, pvCosts: Dec | string, currency?: string): OptionalFigure {
  const label = 'Benefit-cost ratio';
  const formula = 'BCR = PV(benefits) / PV(costs)';
  const pv = presentValues(pvBenefits, pvCosts, currency);
  if (!pv.ok) return unavailable(label, formula, pv.inputs, pv.reason);
  return figure(pv.benefits.div(pv.costs), label, formula, pv.inputs);
}

/** Return on investment = (PV(benefits) - PV(costs)) / PV(costs) (= BCR - 1). */
export function returnOnInvestment(pvBenefits: Dec | string, pvCosts: Dec | string, currency?: string): OptionalFigure {
  const label = 'Return on investment (ROI)';
  const formula = 'ROI = (PV(benefits) - PV(costs)) / PV(costs)';
  const pv = presentValues(pvBenefits, pvCosts, currency);
  if (!pv.ok) return unavailable(label, formula, pv.inputs, pv.reason);
  return figure(pv.benefits.minus(pv.costs).div(pv.costs), label, formula, pv.inputs);
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
  const outcomes = args.outcomes?.trim() || 'outcomes';
  const valueName = args.valueName?.trim() || 'value of one outcome';
  const formula = `break-even = annual budget / ${valueName}`;
  const inputs = [
    input('Annual budget', shown(args.annualBudget), args.currency),
    input(
      valueName.charAt(0).toUpperCase() + valueName.slice(1),
      shown(args.valueOfOneOutcome),
      args.currency,
      args.valueSource,
    ),
  ];
  const budget = need(args.annualBudget, 'non-negative', 'the annual budget');
  const value = need(args.valueOfOneOutcome, 'any', `the ${valueName}`);
  const baseLabel = `Break-even: ${outcomes} needed each year for the programme to pay for itself`;
  if (!budget.ok) return unavailable(baseLabel, formula, inputs, budget.reason);
  if (!value.ok) return unavailable(baseLabel, formula, inputs, value.reason);
  if (value.value.lte(0)) {
    return unavailable(
      baseLabel,
      formula,
      inputs,
      `n/a: the ${valueName} is ${value.value.isZero() ? 'zero' : 'negative'}, so no number of ${outcomes} pays for the programme`,
    );
  }
  const n = budget.value.div(value.value);
  const label =
    `Break-even: ${words(n)} ${outcomes} a year pay for the programme (annual budget / ${valueName}); ` +
    `with more ${outcomes} than this each year the programme saves more than it costs`;
  return figure(n, label, formula, inputs);
}
