/**
 * Cost-effectiveness (METHOD.md section 2): strategy comparison with dominance, extended dominance and the
 * efficiency frontier; cost per output, client and outcome; QALYs, DALYs and cost per QALY or DALY; benefit-
 * cost ratio, ROI and break-even. Pure functions over decimals; every figure explains itself.
 */
export type { CeResult, CeStatus, CompareOptions, StrategyInput, Verdict } from './types';
export { compareTwo, type Increment } from './increment';
export { compareStrategies, type StrategyComparison, type StrategyResult } from './strategies';
export {
  benefitCostRatio,
  breakEven,
  costPerClient,
  costPerOutcome,
  costPerOutput,
  outputCount,
  returnOnInvestment,
  type BreakEvenInput,
  type OutcomeCost,
  type OutputCost,
} from './indicators';
export {
  costPerDalyAverted,
  costPerQalyGained,
  dalysAverted,
  qalysGained,
  type CostEffectRatio,
  type DalyResult,
  type DeathsAverted,
  type DisabilityAverted,
  type DiscountSettings,
  type QalyResult,
  type QalyYear,
  type QalyYearResult,
} from './health';
export { computeCostEffectiveness, type CostEffectivenessOptions, type CostEffectivenessResult } from './project';
