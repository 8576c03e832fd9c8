/**
 * Types shared by the cost-effectiveness functions (METHOD.md section 2).
 */
import type { Message } from '../../i18n/message';
import type { Dec } from '../../money/decimal';
import type { Problem } from '../../model/validate';

export type { Problem };

/** A problem's place and message as messages the interface translates (shown as `where` + ` ` + `message`). */
export interface ProblemText {
  where: Message;
  message: Message;
}

/** A problem while it is collected, with its messages; results carry the Problem and its ProblemText apart. */
export interface CeProblem extends Problem {
  text: ProblemText;
}

/** Split collected problems into the plain problems (as before) and their messages, index by index. */
export function splitProblems(list: readonly CeProblem[]): { problems: Problem[]; problemsText: ProblemText[] } {
  return {
    problems: list.map(({ path, where, message }) => ({ path, where, message })),
    problemsText: list.map((p) => p.text),
  };
}

/** A strategy as the comparison reads it: the model's Strategy fits (its `notes` are ignored). */
export interface StrategyInput {
  id: string;
  name: string;
  /** Total cost of the strategy (same price year and perspective for every strategy). */
  cost: Dec | string;
  /** Total effect, in the project's effect unit (QALYs, deaths averted, ...). */
  effect: Dec | string;
}

/** Settings of a comparison; all optional. */
export interface CompareOptions {
  /** Willingness to pay per unit of effect (lambda): adds NMB = lambda x E - C and INMB = lambda x dE - dC. */
  willingnessToPay?: Dec | string;
  /** Currency of the costs, for the explanations ("EUR per QALY"). */
  currency?: string;
  /** Unit of the effects, e.g. the project's effectUnit ("QALYs", "deaths averted"). */
  effectUnit?: string;
}

/**
 * A result that may be refused: every problem names the strategy and field (`strategies[1].cost`, `strategy 2
 * "A", cost`), and `explanation` says in one sentence why nothing could be computed.
 */
export type CeResult<T> =
  | { ok: true; value: T }
  | { ok: false; problems: Problem[]; explanation: string; problemsText: ProblemText[]; explanationText: Message };

/**
 * Where a strategy sits against its comparator on the cost-effectiveness plane (dC up, dE right):
 * - more-costly-more-effective (north-east): an ICER = dC / dE in cost per unit of effect gained;
 * - less-costly-less-effective (south-west): an ICER = dC / dE read as the saving per unit of effect forgone;
 * - dominant: dC <= 0 and dE >= 0, not both 0 (cost-saving when dC < 0): no ICER, the word instead;
 * - dominated: dC >= 0 and dE <= 0, not both 0: no ICER;
 * - identical: dC = 0 and dE = 0: no ICER (dE = 0).
 */
export type Verdict =
  'more-costly-more-effective' | 'less-costly-less-effective' | 'dominant' | 'dominated' | 'identical';

/** Status of a strategy in a comparison of several (METHOD.md section 2). */
export type CeStatus = 'reference' | 'frontier' | 'dominated' | 'extendedly-dominated';
