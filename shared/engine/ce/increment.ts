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
import type { Message, MessageParam } from '../../i18n/message';
import {
  figure,
  input,
  unavailable,
  type ExplainedInput,
  type Figure,
  type OptionalFigure,
  type Text,
} from '../figure';
import { english, message, moneyParam, numberParam, phrase } from '../text';
import { perEffectUnitText, readDecimal } from './read';
import {
  splitProblems,
  type CeProblem,
  type CeResult,
  type CompareOptions,
  type StrategyInput,
  type Verdict,
} from './types';

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
  /**
   * The effect unit as messages, when it is the engine's own words ("QALYs", "DALYs averted"), so it is
   * translated: `plural` after an amount, `one` after "per". Without it the project's unit is used as written.
   */
  unitText?: { plural: Message; one: Message };
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
  /** `summary` as a message the interface translates. */
  summaryText: Message;
  /**
   * dC / dE for the two quadrants where it is meaningful (north-east, south-west); otherwise null with the
   * reason in `explain.unavailable` (dominant, dominated, dE = 0). Never negative.
   */
  icer: OptionalFigure;
  /** INMB = lambda x dE - dC, when a willingness to pay is given. */
  inmb: Figure | null;
}

const T = {
  costsSame: phrase('engine.ce.change.costsSame'),
  achievesSame: phrase('engine.ce.change.achievesSame'),
  verdict: {
    dominantSaving: phrase('engine.ce.verdict.dominantSaving'),
    dominant: phrase('engine.ce.verdict.dominant'),
    dominated: phrase('engine.ce.verdict.dominated'),
    identical: phrase('engine.ce.verdict.identical'),
    moreCostlyMoreEffective: phrase('engine.ce.verdict.moreCostlyMoreEffective'),
    lessCostlyLessEffective: phrase('engine.ce.verdict.lessCostlyLessEffective'),
  },
  identicalSummary: phrase('engine.ce.summary.identical'),
  dCFormula: phrase('engine.ce.dCFormula'),
  dEFormula: phrase('engine.ce.dEFormula'),
  icerFormula: phrase('engine.ce.icerFormula'),
  inmbFormula: phrase('engine.ce.inmbFormula'),
  dC: phrase('engine.inputs.dC'),
  dE: phrase('engine.inputs.dE'),
  wtp: phrase('engine.inputs.wtp'),
} as const;

export function classify(dC: Dec, dE: Dec): Verdict {
  if (dC.isZero() && dE.isZero()) return 'identical';
  if (dC.lte(0) && dE.gte(0)) return 'dominant';
  if (dC.gte(0) && dE.lte(0)) return 'dominated';
  return dC.gt(0) ? 'more-costly-more-effective' : 'less-costly-less-effective';
}

/** The effect unit after an amount: the engine's words as a message, the project's own unit as written. */
function pluralUnit(frame: Frame): MessageParam | null {
  return frame.unitText?.plural ?? frame.effectUnit;
}

/** The unit of an ICER as a message: "EUR per QALY", "per unit of effect". */
export function icerUnitText(frame: Frame): Message {
  if (!frame.unitText) return perEffectUnitText(frame.currency, frame.effectUnit);
  const per = frame.unitText.one;
  return frame.currency
    ? message('engine.units.per', { unit: frame.currency, per })
    : message('engine.units.perAlone', { per });
}

/** "costs 2,000 EUR less and achieves 0.5 QALYs more" (the strategy against its comparator), as a message. */
export function describeChangeText(dC: Dec, dE: Dec, frame: Frame): Message {
  const cost = dC.isZero()
    ? T.costsSame
    : message(dC.gt(0) ? 'engine.ce.change.costsMore' : 'engine.ce.change.costsLess', {
        amount: moneyParam(dC.abs(), frame.currency),
      });
  const unit = pluralUnit(frame);
  const more = dE.gt(0) ? 'More' : 'Less';
  const effect = dE.isZero()
    ? T.achievesSame
    : unit === null
      ? message(`engine.ce.change.achieves${more}`, { amount: numberParam(dE.abs()) })
      : message(`engine.ce.change.achieves${more}Unit`, { amount: numberParam(dE.abs()), unit });
  return message('engine.ce.change.both', { cost, effect });
}

/** "costs 2,000 EUR less and achieves 0.5 QALYs more" (the strategy against its comparator). */
export function describeChange(dC: Dec, dE: Dec, frame: Frame): string {
  return english(describeChangeText(dC, dE, frame));
}

/** The words for a verdict as a message: "dominant (cost-saving)", "dominated", ... (no numbers). */
export function verdictText(verdict: Verdict, dC: Dec): Message {
  switch (verdict) {
    case 'dominant':
      return dC.lt(0) ? T.verdict.dominantSaving : T.verdict.dominant;
    case 'dominated':
      return T.verdict.dominated;
    case 'identical':
      return T.verdict.identical;
    case 'more-costly-more-effective':
      return T.verdict.moreCostlyMoreEffective;
    case 'less-costly-less-effective':
      return T.verdict.lessCostlyLessEffective;
  }
}

/** The words for a verdict: "dominant (cost-saving)", "dominated", ... (no numbers). */
export function verdictWords(verdict: Verdict, dC: Dec): string {
  return english(verdictText(verdict, dC));
}

/**
 * The ratio dC / dE with its verdict, for any label: an ICER between strategies, a cost per QALY gained, a
 * cost per DALY averted. `subject` and `comparator` name the two sides in the sentences.
 */
export function incrementalRatio(
  dC: Dec,
  dE: Dec,
  frame: Frame,
  text: { label: Text; formula: Text; subject: MessageParam; comparator: MessageParam; inputs: ExplainedInput[] },
): { verdict: Verdict; summary: string; summaryText: Message; ratio: OptionalFigure } {
  const verdict = classify(dC, dE);
  const unit = icerUnitText(frame);
  const { subject, comparator, label, formula, inputs } = text;
  const change = message('engine.ce.change.than', { subject, change: describeChangeText(dC, dE, frame), comparator });
  const said = (summaryText: Message, ratio: OptionalFigure) => ({
    verdict,
    summary: english(summaryText),
    summaryText,
    ratio,
  });
  switch (verdict) {
    case 'more-costly-more-effective': {
      const value = dC.div(dE);
      return said(
        message('engine.ce.summary.icer', { value: numberParam(value), unit }),
        figure(value, label, formula, inputs),
      );
    }
    case 'less-costly-less-effective': {
      const value = dC.div(dE);
      return said(
        message('engine.ce.summary.saves', { value: numberParam(value), unit }),
        figure(value, message('engine.ce.savingLabel', { label }), formula, inputs),
      );
    }
    case 'dominant':
    case 'dominated': {
      const words = verdictText(verdict, dC);
      const reason = dE.isZero()
        ? message('engine.ce.reason.zeroEffect', { change, verdict: words })
        : message('engine.ce.reason.noIcer', { verdict: words, change });
      return said(words, unavailable(label, formula, inputs, reason));
    }
    case 'identical':
      return said(
        T.identicalSummary,
        unavailable(label, formula, inputs, message('engine.ce.reason.identical', { subject, comparator })),
      );
  }
}

/** The increment of `strategy` over `comparator`, read numbers in, explained figures out. */
export function incrementOf(strategy: Point, comparator: Point, frame: Frame): Increment {
  const currency = frame.currency ?? undefined;
  const effectUnit = frame.effectUnit ?? undefined;
  const dCValue = strategy.cost.minus(comparator.cost);
  const dEValue = strategy.effect.minus(comparator.effect);
  const vs = message('engine.ce.vs', { strategy: strategy.name, comparator: comparator.name });
  const costInputs = [
    input(message('engine.inputs.costOf', { name: strategy.name }), strategy.cost, currency),
    input(message('engine.inputs.costOf', { name: comparator.name }), comparator.cost, currency),
  ];
  const effectInputs = [
    input(message('engine.inputs.effectOf', { name: strategy.name }), strategy.effect, effectUnit),
    input(message('engine.inputs.effectOf', { name: comparator.name }), comparator.effect, effectUnit),
  ];
  const dC = figure(dCValue, message('engine.ce.dCLabel', { vs }), T.dCFormula, costInputs);
  const dE = figure(dEValue, message('engine.ce.dELabel', { vs }), T.dEFormula, effectInputs);
  const { verdict, summary, summaryText, ratio } = incrementalRatio(dCValue, dEValue, frame, {
    label: message('engine.ce.icerLabel', { vs }),
    formula: T.icerFormula,
    subject: strategy.name,
    comparator: comparator.name,
    inputs: [input(T.dC, dCValue, currency), input(T.dE, dEValue, effectUnit), ...costInputs, ...effectInputs],
  });
  const lambda = frame.willingnessToPay;
  const inmb =
    lambda === null
      ? null
      : figure(lambda.times(dEValue).minus(dCValue), message('engine.ce.inmbLabel', { vs }), T.inmbFormula, [
          input(T.wtp, lambda, icerUnitText(frame)),
          input(T.dE, dEValue, effectUnit),
          input(T.dC, dCValue, currency),
        ]);
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
    summaryText,
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

/** Where a strategy is: `{ path: 'strategies[1]', where: strategy 2 }` (`where` as a message). */
export interface Place {
  path: string;
  where: Message;
}

export function placeInList(index: number): Place {
  return { path: `strategies[${index}]`, where: message('engine.ce.where.strategyN', { n: index + 1 }) };
}

/** A problem with its place and message in English and as messages. */
export function ceProblem(path: string, where: Message, problem: Message): CeProblem {
  return { path, where: english(where), message: english(problem), text: { where, message: problem } };
}

const FIELDS: Record<string, Message> = {
  id: phrase('engine.ce.field.id'),
  name: phrase('engine.ce.field.name'),
  cost: phrase('engine.ce.field.cost'),
  effect: phrase('engine.ce.field.effect'),
};

/** A problem at `strategies[1].cost`, described as `strategy 2 "A", cost`. */
export function strategyProblem(at: Place, raw: unknown, field: string, problem: Message): CeProblem {
  const name = nameOf(raw);
  let where = at.where;
  if (name) where = message('engine.ce.where.named', { place: where, name });
  if (field) where = message('engine.ce.where.field', { place: where, field: FIELDS[field] ?? field });
  return ceProblem(`${at.path}${field ? `.${field}` : ''}`, where, problem);
}

const P = {
  notStrategy: phrase('engine.ce.problem.notStrategy'),
  idRequired: phrase('engine.ce.problem.idRequired'),
  nameRequired: phrase('engine.ce.problem.nameRequired'),
  strategy: phrase('engine.ce.where.strategy'),
  comparator: phrase('engine.ce.where.comparator'),
  wtp: phrase('engine.ce.where.willingnessToPay'),
  cannotCompareTwo: phrase('engine.ce.refused.two'),
} as const;

/** Read one strategy; problems are appended to `problems`. Returns null when it cannot be used. */
export function readStrategy(raw: unknown, at: Place, problems: CeProblem[]): Point | null {
  if (typeof raw !== 'object' || raw === null) {
    problems.push(strategyProblem(at, raw, '', P.notStrategy));
    return null;
  }
  const record = raw as Record<string, unknown>;
  const before = problems.length;
  const id = record.id;
  if (typeof id !== 'string' || id.trim() === '') problems.push(strategyProblem(at, raw, 'id', P.idRequired));
  const name = record.name;
  if (typeof name !== 'string' || name.trim() === '') problems.push(strategyProblem(at, raw, 'name', P.nameRequired));
  const cost = readDecimal(record.cost);
  if (!cost.ok) problems.push(strategyProblem(at, raw, 'cost', cost.text));
  const effect = readDecimal(record.effect);
  if (!effect.ok) problems.push(strategyProblem(at, raw, 'effect', effect.text));
  if (problems.length > before || !cost.ok || !effect.ok) return null;
  return { id: String(id), name: String(name).trim(), cost: cost.value, effect: effect.value };
}

/** Read the options; problems name `options.willingnessToPay`. */
export function readFrame(options: CompareOptions | undefined, problems: CeProblem[]): Frame {
  const frame: Frame = {
    currency: options?.currency && options.currency.trim() !== '' ? options.currency.trim() : null,
    effectUnit: options?.effectUnit && options.effectUnit.trim() !== '' ? options.effectUnit.trim() : null,
    willingnessToPay: null,
  };
  if (options?.willingnessToPay !== undefined) {
    const lambda = readDecimal(options.willingnessToPay, 'non-negative');
    if (lambda.ok) frame.willingnessToPay = lambda.value;
    else problems.push(ceProblem('options.willingnessToPay', P.wtp, lambda.text));
  }
  return frame;
}

/** "a; b; c": messages joined, each translated. */
function joined(items: readonly Message[]): Message {
  return items
    .slice(0, -1)
    .reduceRight<Message>(
      (rest, item) => message('engine.common.semicolons', { first: item, rest }),
      items[items.length - 1],
    );
}

export function refused<T>(problems: CeProblem[], what: Message): CeResult<T> {
  const listed = joined(
    problems.map((p) => message('engine.ce.problem.placed', { where: p.text.where, problem: p.text.message })),
  );
  const explanationText = message('engine.ce.refused.because', { what, problems: listed });
  return { ok: false, ...splitProblems(problems), explanation: english(explanationText), explanationText };
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
  const problems: CeProblem[] = [];
  const a = readStrategy(strategy, { path: 'strategy', where: P.strategy }, problems);
  const b = readStrategy(comparator, { path: 'comparator', where: P.comparator }, problems);
  const frame = readFrame(options, problems);
  if (problems.length > 0 || a === null || b === null) return refused(problems, P.cannotCompareTwo);
  return { ok: true, value: incrementOf(a, b, frame) };
}
