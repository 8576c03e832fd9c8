/**
 * One strategy against one comparator (METHOD.md section 2): incremental cost dC and effect dE, where the pair
 * sits on the cost-effectiveness plane, and the ICER = dC / dE only where it means something.
 *
 * A negative ICER is never produced: dC < 0 with dE > 0 is "dominant (cost-saving)", dC > 0 with dE < 0 is
 * "dominated", and both are given in words with no ICER (a bare -2,000 per QALY reads as either). dE = 0
 * leaves the ICER undefined, with the reason. In the south-west quadrant (cheaper and less effective) the
 * ratio is positive and is labelled as what it is: the saving per unit of effect forgone.
 */
import { type Dec, ZERO } from '../../money/decimal';
import { figure, input, unavailable, type ExplainedInput, type Figure, type OptionalFigure } from '../figure';
import { money, perEffectUnit, readDecimal, words } from './read';
import type { CeResult, CompareOptions, Problem, StrategyInput, Verdict } from './types';

/** A strategy whose numbers have been read. */
export interface Point {
  id: string;
  name: string;
  cost: Dec;
  effect: Dec;
}

/** The units and willingness to pay a comparison is written in. */
export interface Frame {
  currency: string | null;
  effectUnit: string | null;
  willingnessToPay: Dec | null;
}

export interface Increment {
  strategyId: string;
  strategyName: string;
  comparatorId: string;
  comparatorName: string;
  /** dC = C(strategy) - C(comparator). */
  dC: Figure;
  /** dE = E(strategy) - E(comparator). */
  dE: Figure;
  verdict: Verdict;
  /** dC < 0: the strategy costs less than its comparator. */
  costSaving: boolean;
  /** The words to show in a table cell: "ICER 5,000 EUR per QALY", "dominant (cost-saving)", "dominated". */
  summary: string;
  /**
   * dC / dE for the two quadrants where it is meaningful (north-east, south-west); otherwise null with the
   * reason in `explain.unavailable` (dominant, dominated, dE = 0). Never negative.
   */
  icer: OptionalFigure;
  /** INMB = lambda x dE - dC, when a willingness to pay is given. */
  inmb: Figure | null;
}

export function classify(dC: Dec, dE: Dec): Verdict {
  if (dC.isZero() && dE.isZero()) return 'identical';
  if (dC.lte(0) && dE.gte(0)) return 'dominant';
  if (dC.gte(0) && dE.lte(0)) return 'dominated';
  return dC.gt(0) ? 'more-costly-more-effective' : 'less-costly-less-effective';
}

/** "costs 2,000 EUR less and achieves 0.5 QALYs more" (the strategy against its comparator). */
export function describeChange(dC: Dec, dE: Dec, frame: Frame): string {
  const unit = frame.effectUnit ? ` ${frame.effectUnit}` : '';
  const cost = dC.isZero()
    ? 'costs the same'
    : `costs ${money(dC.abs(), frame.currency)} ${dC.gt(0) ? 'more' : 'less'}`;
  const effect = dE.isZero()
    ? 'achieves the same effect'
    : `achieves ${words(dE.abs())}${unit} ${dE.gt(0) ? 'more' : 'less'}`;
  return `${cost} and ${effect}`;
}

/** The words for a verdict: "dominant (cost-saving)", "dominated", ... (no numbers). */
export function verdictWords(verdict: Verdict, dC: Dec): string {
  switch (verdict) {
    case 'dominant':
      return dC.lt(0) ? 'dominant (cost-saving)' : 'dominant';
    case 'dominated':
      return 'dominated';
    case 'identical':
      return 'identical (same cost and effect)';
    case 'more-costly-more-effective':
      return 'more costly and more effective';
    case 'less-costly-less-effective':
      return 'less costly and less effective';
  }
}

/**
 * The ratio dC / dE with its verdict, for any label: an ICER between strategies, a cost per QALY gained, a
 * cost per DALY averted. `subject` and `comparator` name the two sides in the sentences.
 */
export function incrementalRatio(
  dC: Dec,
  dE: Dec,
  frame: Frame,
  text: { label: string; formula: string; subject: string; comparator: string; inputs: ExplainedInput[] },
): { verdict: Verdict; summary: string; ratio: OptionalFigure } {
  const verdict = classify(dC, dE);
  const unit = perEffectUnit(frame.currency, frame.effectUnit);
  const change = `${text.subject} ${describeChange(dC, dE, frame)} than ${text.comparator}`;
  const { label, formula, inputs } = text;
  switch (verdict) {
    case 'more-costly-more-effective': {
      const value = dC.div(dE);
      return { verdict, summary: `ICER ${words(value)} ${unit}`, ratio: figure(value, label, formula, inputs) };
    }
    case 'less-costly-less-effective': {
      const value = dC.div(dE);
      return {
        verdict,
        summary: `saves ${words(value)} ${unit} forgone (less costly, less effective)`,
        ratio: figure(value, `${label} (saving per unit of effect forgone)`, formula, inputs),
      };
    }
    case 'dominant': {
      const said = verdictWords(verdict, dC);
      const reason = dE.isZero()
        ? `n/a: dE = 0, so the ICER is undefined; ${change}: ${said}`
        : `n/a: ${said}: ${change}, so no ICER is shown`;
      return { verdict, summary: said, ratio: unavailable(label, formula, inputs, reason) };
    }
    case 'dominated': {
      const reason = dE.isZero()
        ? `n/a: dE = 0, so the ICER is undefined; ${change}: dominated`
        : `n/a: dominated: ${change}, so no ICER is shown`;
      return { verdict, summary: 'dominated', ratio: unavailable(label, formula, inputs, reason) };
    }
    case 'identical':
      return {
        verdict,
        summary: 'identical: ICER undefined (dE = 0)',
        ratio: unavailable(
          label,
          formula,
          inputs,
          `n/a: dE = 0, so the ICER is undefined: ${text.subject} and ${text.comparator} have the same cost and the same effect`,
        ),
      };
  }
}

/** The increment of `strategy` over `comparator`, read numbers in, explained figures out. */
export function incrementOf(strategy: Point, comparator: Point, frame: Frame): Increment {
  const currency = frame.currency ?? undefined;
  const effectUnit = frame.effectUnit ?? undefined;
  const dCValue = strategy.cost.minus(comparator.cost);
  const dEValue = strategy.effect.minus(comparator.effect);
  const vs = `${strategy.name} vs ${comparator.name}`;
  const costInputs = [
    input(`Cost of ${strategy.name}`, strategy.cost, currency),
    input(`Cost of ${comparator.name}`, comparator.cost, currency),
  ];
  const effectInputs = [
    input(`Effect of ${strategy.name}`, strategy.effect, effectUnit),
    input(`Effect of ${comparator.name}`, comparator.effect, effectUnit),
  ];
  const dC = figure(dCValue, `Incremental cost dC: ${vs}`, 'dC = C(strategy) - C(comparator)', costInputs);
  const dE = figure(dEValue, `Incremental effect dE: ${vs}`, 'dE = E(strategy) - E(comparator)', effectInputs);
  const { verdict, summary, ratio } = incrementalRatio(dCValue, dEValue, frame, {
    label: `ICER: ${vs}`,
    formula: 'ICER = dC / dE',
    subject: strategy.name,
    comparator: comparator.name,
    inputs: [
      input('Incremental cost dC', dCValue, currency),
      input('Incremental effect dE', dEValue, effectUnit),
      ...costInputs,
      ...effectInputs,
    ],
  });
  const lambda = frame.willingnessToPay;
  const inmb =
    lambda === null
      ? null
      : figure(
          lambda.times(dEValue).minus(dCValue),
          `Incremental net monetary benefit: ${vs}`,
          'INMB = lambda x dE - dC',
          [
            input('Willingness to pay lambda', lambda, perEffectUnit(frame.currency, frame.effectUnit)),
            input('Incremental effect dE', dEValue, effectUnit),
            input('Incremental cost dC', dCValue, currency),
          ],
        );
  return {
    strategyId: strategy.id,
    strategyName: strategy.name,
    comparatorId: comparator.id,
    comparatorName: comparator.name,
    dC,
    dE,
    verdict,
    costSaving: dCValue.lt(ZERO),
    summary,
    icer: ratio,
    inmb,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Reading strategies and options, with problems that name the strategy and the field.

function nameOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { name, id } = raw as Record<string, unknown>;
  if (typeof name === 'string' && name.trim() !== '') return name.trim().slice(0, 60);
  if (typeof id === 'string' && id.trim() !== '') return id.trim().slice(0, 60);
  return null;
}

/** Where a strategy is: `{ path: 'strategies[1]', where: 'strategy 2' }`. */
export interface Place {
  path: string;
  where: string;
}

export function placeInList(index: number): Place {
  return { path: `strategies[${index}]`, where: `strategy ${index + 1}` };
}

/** A problem at `strategies[1].cost`, described as `strategy 2 "A", cost`. */
export function strategyProblem(at: Place, raw: unknown, field: string, message: string): Problem {
  const name = nameOf(raw);
  return {
    path: `${at.path}${field ? `.${field}` : ''}`,
    where: `${at.where}${name ? ` "${name}"` : ''}${field ? `, ${field}` : ''}`,
    message,
  };
}

/** Read one strategy; problems are appended to `problems`. Returns null when it cannot be used. */
export function readStrategy(raw: unknown, at: Place, problems: Problem[]): Point | null {
  if (typeof raw !== 'object' || raw === null) {
    problems.push(strategyProblem(at, raw, '', 'must be a strategy with an id, a name, a cost and an effect'));
    return null;
  }
  const record = raw as Record<string, unknown>;
  const before = problems.length;
  const id = record.id;
  if (typeof id !== 'string' || id.trim() === '') {
    problems.push(strategyProblem(at, raw, 'id', 'is required: an identifier such as "status-quo"'));
  }
  const name = record.name;
  if (typeof name !== 'string' || name.trim() === '') {
    problems.push(strategyProblem(at, raw, 'name', 'is required: a name such as "No programme"'));
  }
  const cost = readDecimal(record.cost);
  if (!cost.ok) problems.push(strategyProblem(at, raw, 'cost', cost.message));
  const effect = readDecimal(record.effect);
  if (!effect.ok) problems.push(strategyProblem(at, raw, 'effect', effect.message));
  if (problems.length > before || !cost.ok || !effect.ok) return null;
  return { id: String(id), name: String(name).trim(), cost: cost.value, effect: effect.value };
}

/** Read the options; problems name `options.willingnessToPay`. */
export function readFrame(options: CompareOptions | undefined, problems: Problem[]): Frame {
  const frame: Frame = {
    currency: options?.currency && options.currency.trim() !== '' ? options.currency.trim() : null,
    effectUnit: options?.effectUnit && options.effectUnit.trim() !== '' ? options.effectUnit.trim() : null,
    willingnessToPay: null,
  };
  if (options?.willingnessToPay !== undefined) {
    const lambda = readDecimal(options.willingnessToPay, 'non-negative');
    if (lambda.ok) frame.willingnessToPay = lambda.value;
    else
      problems.push({
        path: 'options.willingnessToPay',
        where: 'willingness to pay (lambda)',
        message: lambda.message,
      });
  }
  return frame;
}

export function refused<T>(problems: Problem[], what: string): CeResult<T> {
  const listed = problems.map((p) => `${p.where} ${p.message}`).join('; ');
  return { ok: false, problems, explanation: `${what}: ${listed}` };
}

/**
 * One strategy against one comparator ("this programme" vs "no programme"): dC, dE and the ICER or the words
 * ("dominant (cost-saving)", "dominated") that replace it.
 */
export function compareTwo(
  strategy: StrategyInput,
  comparator: StrategyInput,
  options?: CompareOptions,
): CeResult<Increment> {
  const problems: Problem[] = [];
  const a = readStrategy(strategy, { path: 'strategy', where: 'strategy' }, problems);
  const b = readStrategy(comparator, { path: 'comparator', where: 'comparator' }, problems);
  const frame = readFrame(options, problems);
  if (problems.length > 0 || a === null || b === null) {
    return refused(problems, 'The two strategies cannot be compared');
  }
  return { ok: true, value: incrementOf(a, b, frame) };
}
