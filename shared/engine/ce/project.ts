/**
 * The cost-effectiveness indicators of one project, from its model: cost per output (every output type), per
 * outcome net of deadweight (every outcome), per client (when the number of unique clients is given), the
 * benefit-cost ratio and ROI from the SROI result, and the comparison of the project's strategies.
 *
 * The total cost is the project's Investment as the SROI engine computes it (all inputs of all stakeholders,
 * each discounted from the start of its year; the plain sum when all inputs are in year 1), so the indicators
 * and the SROI ratio rest on the same cost, price year and perspective.
 */
import type { Dec } from '../../money/decimal';
import type { Project } from '../../model/schema';
import type { Figure, OptionalFigure } from '../figure';
import { computeSroi } from '../sroi';
import {
  benefitCostRatio,
  costPerClient,
  costPerOutcome,
  costPerOutput,
  returnOnInvestment,
  type OutcomeCost,
  type OutputCost,
} from './indicators';
import { compareStrategies, type StrategyComparison } from './strategies';
import type { CeResult } from './types';

export interface CostEffectivenessOptions {
  /** Unique clients reached (a count): adds the cost per client. */
  uniqueClients?: Dec | string | number;
  /** Willingness to pay per unit of the project's effect: adds NMB to the strategy comparison. */
  willingnessToPay?: Dec | string;
}

export interface CostEffectivenessResult {
  currency: string;
  /** The total cost every indicator divides: the Investment of the SROI result. */
  totalCost: Figure;
  perOutput: OutputCost[];
  /** Null when the number of unique clients is not given. */
  perClient: OptionalFigure | null;
  perOutcome: OutcomeCost[];
  benefitCostRatio: OptionalFigure;
  returnOnInvestment: OptionalFigure;
  /** Null when the project has no strategies; a refusal with its explanation when it has only one. */
  strategies: CeResult<StrategyComparison> | null;
}

export function computeCostEffectiveness(
  project: Project,
  options: CostEffectivenessOptions = {},
): CostEffectivenessResult {
  const currency = project.currency;
  const sroi = computeSroi(project);
  const totalCost = sroi.investment.total;
  const cost = totalCost.value;
  return {
    currency,
    totalCost,
    perOutput: costPerOutput(cost, project.outputs, currency),
    perClient: options.uniqueClients === undefined ? null : costPerClient(cost, options.uniqueClients, currency),
    perOutcome: project.outcomes.map((o) => costPerOutcome(cost, o, currency)),
    benefitCostRatio: benefitCostRatio(sroi.presentValue.value, cost, currency),
    returnOnInvestment: returnOnInvestment(sroi.presentValue.value, cost, currency),
    strategies:
      project.strategies.length === 0
        ? null
        : compareStrategies(project.strategies, {
            currency,
            effectUnit: project.effectUnit,
            ...(options.willingnessToPay !== undefined ? { willingnessToPay: options.willingnessToPay } : {}),
          }),
  };
}
