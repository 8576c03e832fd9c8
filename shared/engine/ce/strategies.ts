/**
 * Comparison of several strategies (METHOD.md section 2, "Comparison of strategies"):
 *
 * 1. sort by cost, ties by effect (less effective first), then as given;
 * 2. strong dominance: a strategy is dominated when another costs less or the same and achieves more or the
 *    same, not both the same; every strategy that dominates it is named;
 * 3. sequential ICERs along the remaining strategies, each against the next best (previous) one;
 * 4. extended dominance: remove any strategy whose ICER exceeds that of the next more effective one, repeat
 *    until stable. Implemented as one pass of a monotone chain (each strategy is pushed once and removed at
 *    most once), which is exactly "remove and repeat": a strategy is removed only while its ICER from the
 *    previous remaining strategy exceeds the ICER of the next remaining one, and the survivors are the same in
 *    any order of removal (the lower convex hull of the non-dominated strategies);
 * 5. the survivors are the efficiency frontier: the least costly is the reference, each other one carries dC,
 *    dE and its ICER against the one before it. Frontier ICERs increase (equal ICERs, on one line, are kept).
 *
 * Strategies with the same cost and the same effect dominate neither each other nor anything else's frontier
 * position: they share one point of the plane and one status; between them dE = 0, so their ICER is undefined.
 *
 * Decisions (dominance, which ICER is larger) are exact: comparisons of the given decimals, and ICERs compared
 * by cross-multiplying dC and dE in 200 significant digits, so no rounding of a division can tip a tie.
 */
import { Dec, ONE } from '../../money/decimal';
import type { Message, MessageParam } from '../../i18n/message';
import { explanation, figure, input, type Explanation, type Figure } from '../figure';
import { english, message, moneyParam, numberParam, phrase } from '../text';
import {
  ceProblem,
  describeChangeText,
  icerUnitText,
  incrementOf,
  placeInList,
  readFrame,
  readStrategy,
  refused,
  strategyProblem,
  verdictText,
  type Frame,
  type Increment,
  type Point,
} from './increment';
import { oneUnitText } from './read';
import type { CeProblem, CeResult, CeStatus, CompareOptions, StrategyInput } from './types';

export interface StrategyResult {
  id: string;
  name: string;
  cost: Dec;
  effect: Dec;
  /** Position in the list as given (0 = first). */
  inputIndex: number;
  /** Position after sorting by cost, ties by effect (1 = least costly). */
  rank: number;
  status: CeStatus;
  /** The status in words (label), the rule applied (formula) and the numbers it rests on (inputs). */
  explain: Explanation;
  /** Strategies that cost less or the same and achieve more or the same (status 'dominated'), by rank. */
  dominatedBy: string[];
  /**
   * Status 'extendedly-dominated': the two frontier strategies on either side of it, a mix of which achieves
   * its effect at a lower cost.
   */
  extendedlyDominatedBy: string[];
  /**
   * 'frontier': against the previous frontier strategy (its ICER is the frontier's ICER).
   * 'dominated': against the first strategy that dominates it (verdict 'dominated', no ICER).
   * 'extendedly-dominated': against the strategy before it when it was removed (the ICER that was too high).
   * 'reference': null.
   */
  increment: Increment | null;
  /** NMB = lambda x E - C, when a willingness to pay is given. */
  nmb: Figure | null;
}

export interface StrategyComparison {
  currency: string | null;
  effectUnit: string | null;
  willingnessToPay: Dec | null;
  /** Every strategy, sorted by cost (ties by effect). */
  strategies: StrategyResult[];
  /** Ids of the efficiency frontier, reference first, by increasing cost and effect. */
  frontier: string[];
  /** The calculation in words, step by step (for the methods appendix and the "explain" panel). */
  steps: string[];
  /** `steps` as messages the interface translates. */
  stepsText: Message[];
  /** With a willingness to pay: the strategy (or strategies, when tied) with the highest NMB. */
  highestNmb: { strategyIds: string[]; nmb: Figure } | null;
}

interface Entry extends Point {
  index: number;
}

/** Wide decimals for exact decisions: products of differences of the inputs, never rounded in practice. */
const Wide = Dec.clone({ precision: 200 });

/** ICER(a -> b) > ICER(b -> c), for a, b, c with increasing cost and effect: (Cb-Ca)(Ec-Eb) > (Cc-Cb)(Eb-Ea). */
function icerFalls(a: Point, b: Point, c: Point): boolean {
  const left = new Wide(b.cost).minus(a.cost).times(new Wide(c.effect).minus(b.effect));
  const right = new Wide(c.cost).minus(b.cost).times(new Wide(b.effect).minus(a.effect));
  return left.gt(right);
}

function samePoint(a: Point, b: Point): boolean {
  return a.cost.eq(b.cost) && a.effect.eq(b.effect);
}

function dominates(q: Point, p: Point): boolean {
  return q.cost.lte(p.cost) && q.effect.gte(p.effect) && !samePoint(q, p);
}

/** "A, B and C" ("and" translated); one name as it is. */
function names(points: readonly Point[]): MessageParam {
  const list = points.map((p) => p.name);
  if (list.length <= 1) return list.join('');
  return message('engine.common.andList', { list: list.slice(0, -1).join(', '), last: list[list.length - 1] });
}

/** "a -> b -> c" over messages. */
function arrows(items: readonly MessageParam[]): MessageParam {
  return items
    .slice(0, -1)
    .reduceRight<MessageParam>(
      (rest, item) => message('engine.common.arrow', { first: item, rest }),
      items[items.length - 1],
    );
}

const T = {
  notList: phrase('engine.ce.problem.notList'),
  strategies: phrase('engine.ce.where.strategies'),
  cannotCompare: phrase('engine.ce.refused.many'),
  wtp: phrase('engine.inputs.wtp'),
  nmbFormula: phrase('engine.ce.nmbFormula'),
  dominatedFormula: phrase('engine.ce.status.dominatedFormula'),
  extendedFormula: phrase('engine.ce.status.extendedFormula'),
  referenceFormula: phrase('engine.ce.status.referenceFormula'),
  frontierFormula: phrase('engine.ce.status.frontierFormula'),
  mixCost: phrase('engine.inputs.mixCost'),
  dC: phrase('engine.inputs.dC'),
  dE: phrase('engine.inputs.dE'),
  highestNmbFormula: phrase('engine.ce.highestNmbFormula'),
} as const;

const sentence = (text: Message) => message('engine.ce.steps.sentence', { text });

function last<T>(list: readonly T[]): T {
  return list[list.length - 1];
}

function readAll(
  strategies: unknown,
  options: CompareOptions | undefined,
): { entries: Entry[]; frame: Frame; problems: CeProblem[] } {
  const problems: CeProblem[] = [];
  const frame = readFrame(options, problems);
  if (!Array.isArray(strategies)) {
    problems.push(ceProblem('strategies', T.strategies, T.notList));
    return { entries: [], frame, problems };
  }
  const list: unknown[] = strategies;
  if (list.length < 2) {
    const key = list.length === 0 ? 'engine.ce.problem.noneGiven' : 'engine.ce.problem.oneGiven';
    problems.push(ceProblem('strategies', T.strategies, message(key)));
  }
  const entries: Entry[] = [];
  const firstWithId = new Map<string, number>();
  list.forEach((raw, index) => {
    const point = readStrategy(raw, placeInList(index), problems);
    const id = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).id : undefined;
    if (typeof id === 'string' && id.trim() !== '') {
      const first = firstWithId.get(id);
      if (first !== undefined) {
        const firstName = (list[first] as Record<string, unknown>).name;
        const named = typeof firstName === 'string' && firstName.trim() !== '';
        const problem = named
          ? message('engine.ce.problem.repeatedIdNamed', { id, n: first + 1, name: firstName.trim() })
          : message('engine.ce.problem.repeatedId', { id, n: first + 1 });
        problems.push(strategyProblem(placeInList(index), raw, 'id', problem));
      } else {
        firstWithId.set(id, index);
      }
    }
    if (point) entries.push({ ...point, index });
  });
  return { entries, frame, problems };
}

function nmbOf(p: Point, lambda: Dec, frame: Frame): Figure {
  const label = message('engine.ce.nmbLabel', { name: p.name });
  return figure(lambda.times(p.effect).minus(p.cost), label, T.nmbFormula, [
    input(T.wtp, lambda, icerUnitText(frame)),
    input(message('engine.inputs.effectEOf', { name: p.name }), p.effect, frame.effectUnit ?? undefined),
    input(message('engine.inputs.costCOf', { name: p.name }), p.cost, frame.currency ?? undefined),
  ]);
}

/**
 * Compare strategies by cost and effect: dominance, extended dominance, the efficiency frontier with its
 * sequential ICERs and, with a willingness to pay, the net monetary benefit of each strategy.
 */
export function compareStrategies(
  strategies: readonly StrategyInput[],
  options?: CompareOptions,
): CeResult<StrategyComparison> {
  const { entries, frame, problems } = readAll(strategies, options);
  if (problems.length > 0) return refused(problems, T.cannotCompare);

  const currency = frame.currency ?? undefined;
  const effectUnit = frame.effectUnit ?? undefined;
  const icerUnit = icerUnitText(frame);

  // 1. Sort by cost, ties by effect, then as given.
  const sorted = [...entries].sort(
    (a, b) => a.cost.comparedTo(b.cost) || a.effect.comparedTo(b.effect) || a.index - b.index,
  );
  const steps: Message[] = [message('engine.ce.steps.sorted', { list: sorted.map((s) => s.name).join(', ') })];

  // 2. Strong dominance, against every other strategy.
  const dominatorsOf = new Map<Entry, Entry[]>(sorted.map((p) => [p, sorted.filter((q) => dominates(q, p))]));

  // Non-dominated strategies, identical ones grouped: costs and effects strictly increase from group to group
  // (a costlier group with no more effect would be dominated).
  const groups: Entry[][] = [];
  for (const p of sorted) {
    if ((dominatorsOf.get(p) ?? []).length > 0) continue;
    const previous = groups.length > 0 ? last(groups) : null;
    if (previous && samePoint(previous[0], p)) previous.push(p);
    else groups.push([p]);
  }

  // 3-4. Sequential ICERs and extended dominance (monotone chain over the groups).
  interface Removal {
    group: Entry[];
    prev: Entry;
    next: Entry;
  }
  const chain: Entry[][] = [];
  const removals: Removal[] = [];
  for (const group of groups) {
    while (chain.length >= 2 && icerFalls(chain[chain.length - 2][0], last(chain)[0], group[0])) {
      const removed = chain.pop() ?? group;
      removals.push({ group: removed, prev: last(chain)[0], next: group[0] });
    }
    chain.push(group);
  }
  const frontierGroups = chain;

  const results = new Map<Entry, Omit<StrategyResult, 'rank'>>();
  const base = (p: Entry) => ({
    id: p.id,
    name: p.name,
    cost: p.cost,
    effect: p.effect,
    inputIndex: p.index,
    nmb: frame.willingnessToPay === null ? null : nmbOf(p, frame.willingnessToPay, frame),
  });
  const pointInputs = (p: Point) => [
    input(message('engine.inputs.costOf', { name: p.name }), p.cost, currency),
    input(message('engine.inputs.effectOf', { name: p.name }), p.effect, effectUnit),
  ];

  // Dominated strategies: against the first (least costly) strategy that dominates them.
  for (const p of sorted) {
    const by = dominatorsOf.get(p) ?? [];
    if (by.length === 0) continue;
    const first = by[0];
    const theirs = incrementOf(first, p, frame);
    const said = {
      strategy: p.name,
      by: first.name,
      change: describeChangeText(theirs.dC.value, theirs.dE.value, frame),
      verdict: verdictText(theirs.verdict, theirs.dC.value),
    };
    const label =
      by.length > 1
        ? message('engine.ce.status.dominatedByMany', { ...said, others: names(by.slice(1)) })
        : message('engine.ce.status.dominatedBy', said);
    results.set(p, {
      ...base(p),
      status: 'dominated',
      explain: explanation(label, T.dominatedFormula, [...pointInputs(p), ...by.flatMap(pointInputs)]),
      dominatedBy: by.map((q) => q.id),
      extendedlyDominatedBy: [],
      increment: incrementOf(p, first, frame),
    });
    steps.push(sentence(label));
  }

  // Extendedly dominated strategies: the ICER that was too high, and the frontier mix that does better.
  for (const removal of removals) {
    const x = removal.group[0];
    const lo = [...frontierGroups].reverse().find((g) => g[0].effect.lt(x.effect))?.[0] ?? removal.prev;
    const hi = frontierGroups.find((g) => g[0].effect.gt(x.effect))?.[0] ?? removal.next;
    const into = incrementOf(x, removal.prev, frame);
    const out = incrementOf(removal.next, x, frame);
    const weight = x.effect.minus(lo.effect).div(hi.effect.minus(lo.effect));
    const mixCost = lo.cost.plus(weight.times(hi.cost.minus(lo.cost)));
    const icerIn = into.icer.value ?? into.dC.value.div(into.dE.value);
    const icerOut = out.icer.value ?? out.dC.value.div(out.dE.value);
    const label = message('engine.ce.status.extendedlyDominated', {
      strategy: x.name,
      lo: lo.name,
      hi: hi.name,
      previous: removal.prev.name,
      next: removal.next.name,
      icerIn: numberParam(icerIn),
      icerOut: numberParam(icerOut),
      unit: icerUnit,
      loShare: numberParam(ONE.minus(weight).times(100)),
      hiShare: numberParam(weight.times(100)),
      mixCost: moneyParam(mixCost, frame.currency),
      cost: moneyParam(x.cost, frame.currency),
    });
    const inputs = [
      input(message('engine.inputs.icerFromTo', { from: removal.prev.name, to: x.name }), icerIn, icerUnit),
      input(message('engine.inputs.icerFromTo', { from: x.name, to: removal.next.name }), icerOut, icerUnit),
      input(message('engine.inputs.mixShare', { hi: hi.name, strategy: x.name, lo: lo.name }), weight),
      input(T.mixCost, mixCost, currency),
      ...pointInputs(x),
    ];
    const explain: Explanation = explanation(label, T.extendedFormula, inputs);
    for (const p of removal.group) {
      results.set(p, {
        ...base(p),
        status: 'extendedly-dominated',
        explain:
          p === x
            ? explain
            : explanation(
                message('engine.ce.status.samePoint', { strategy: p.name, other: x.name, label }),
                T.extendedFormula,
                inputs,
              ),
        dominatedBy: [],
        extendedlyDominatedBy: [lo.id, hi.id],
        increment: incrementOf(p, removal.prev, frame),
      });
    }
    steps.push(
      message('engine.ce.steps.removed', {
        removed: names(removal.group),
        previous: removal.prev.name,
        strategy: x.name,
        next: removal.next.name,
        icerIn: numberParam(icerIn),
        icerOut: numberParam(icerOut),
        unit: icerUnit,
      }),
    );
  }

  // 5. The frontier.
  const frontier: Entry[] = [];
  frontierGroups.forEach((group, k) => {
    group.forEach((p, m) => {
      frontier.push(p);
      if (k === 0 && m === 0) {
        results.set(p, {
          ...base(p),
          status: 'reference',
          explain: explanation(
            message('engine.ce.status.reference', { strategy: p.name }),
            T.referenceFormula,
            pointInputs(p),
          ),
          dominatedBy: [],
          extendedlyDominatedBy: [],
          increment: null,
        });
        return;
      }
      const comparator = m > 0 ? group[0] : last(frontierGroups[k - 1]);
      const increment = incrementOf(p, comparator, frame);
      const label =
        m > 0
          ? message('engine.ce.status.frontierSamePoint', { strategy: p.name, other: comparator.name })
          : message('engine.ce.status.frontier', {
              strategy: p.name,
              comparator: comparator.name,
              change: describeChangeText(increment.dC.value, increment.dE.value, frame),
              summary: increment.summaryText,
            });
      results.set(p, {
        ...base(p),
        status: 'frontier',
        explain: explanation(label, T.frontierFormula, [
          input(T.dC, increment.dC.value, currency),
          input(T.dE, increment.dE.value, effectUnit),
          ...pointInputs(p),
          ...pointInputs(comparator),
        ]),
        dominatedBy: [],
        extendedlyDominatedBy: [],
        increment,
      });
    });
  });
  steps.push(
    message('engine.ce.steps.frontier', {
      list: arrows(
        frontier.map((p) => {
          const inc = results.get(p)?.increment;
          return inc ? message('engine.ce.steps.frontierItem', { name: p.name, summary: inc.summaryText }) : p.name;
        }),
      ),
    }),
  );

  const ordered: StrategyResult[] = sorted.map((p, i) => {
    const result = results.get(p);
    if (!result) throw new Error(`internal: strategy ${p.id} has no status`);
    return { ...result, rank: i + 1 };
  });

  let highestNmb: StrategyComparison['highestNmb'] = null;
  const lambda = frame.willingnessToPay;
  if (lambda !== null) {
    const withNmb = ordered.flatMap((s) => (s.nmb ? [{ s, nmb: s.nmb }] : []));
    const best = withNmb.reduce((max, x) => (x.nmb.value.gt(max) ? x.nmb.value : max), withNmb[0].nmb.value);
    const winners = withNmb.filter((x) => x.nmb.value.eq(best));
    const label = message('engine.ce.highestNmbLabel', {
      lambda: moneyParam(lambda, frame.currency),
      unit: frame.unitText?.one ?? oneUnitText(frame.effectUnit),
      names: names(winners.map((x) => x.s)),
    });
    highestNmb = {
      strategyIds: winners.map((x) => x.s.id),
      nmb: figure(
        best,
        label,
        T.highestNmbFormula,
        withNmb.map((x) => input(message('engine.inputs.nmbOf', { name: x.s.name }), x.nmb.value, currency)),
      ),
    };
    steps.push(message('engine.ce.steps.highestNmb', { label, nmb: moneyParam(best, frame.currency) }));
  }

  return {
    ok: true,
    value: {
      currency: frame.currency,
      effectUnit: frame.effectUnit,
      willingnessToPay: lambda,
      strategies: ordered,
      frontier: frontier.map((p) => p.id),
      steps: steps.map(english),
      stepsText: steps,
      highestNmb,
    },
  };
}
