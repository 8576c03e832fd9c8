/**
 * Sensitivity and uncertainty (METHOD.md section 1 "Sensitivity and switching values" and section 3
 * "Uncertainty (Monte Carlo)"): numeric switching values, one-way sensitivity (tornado), distributions and a
 * seeded generator, the Monte Carlo core, and the probabilistic cost-effectiveness helpers (CE plane, CEAC).
 * Pure: no Node, no DOM; the worker wrappers that run `simulate` off the main thread live with their hosts.
 */
export {
  numericSwitchingValues,
  dropOffSwitchingValue,
  durationSwitchingValue,
  discountRateSwitchingValue,
  linearSwitchingStatements,
  type NumericSwitching,
  type NumericSwitchingOptions,
  type NumericSwitchingValue,
  type DurationSwitchingValue,
  type DiscountRateSwitching,
  type OutcomeNumericSwitching,
  type LinearSwitchingStatements,
  type SwitchDirection,
} from './switching-numeric';
export {
  oneWaySensitivity,
  type OneWayOptions,
  type OneWayResult,
  type SensitivityAssumption,
  type SensitivityCase,
  type SensitivityRange,
  type SensitivityUnit,
  type TornadoRow,
} from './one-way';
export { type OutcomeField } from './project-edit';
export { Rng, SplitMix32, MAX_SEED } from './random';
export {
  Sampler,
  compileDistribution,
  distributionMoments,
  lognormalParameters,
  gammaParameters,
  betaParameters,
  pertParameters,
  type LognormalParameters,
  type GammaParameters,
  type BetaParameters,
  type Moments,
} from './distributions';
export {
  simulate,
  MonteCarloSimulation,
  UNCERTAIN_FIELDS,
  MAX_ITERATIONS,
  DEFAULT_HISTOGRAM_BINS,
  MC_GENERATOR,
  MC_PERCENTILES,
  type SimulationSettings,
  type SimulateOptions,
  type SimulatedParameter,
  type MonteCarloResult,
  type MonteCarloCancelled,
  type MonteCarloRun,
  type UncertainField,
} from './monte-carlo';
export {
  summarise,
  histogram,
  quantileSorted,
  mean,
  variance,
  type Summary,
  type Histogram,
  type HistogramBin,
  type HistogramOptions,
} from './statistics';
export {
  cePlane,
  ceac,
  psaIcer,
  icerFromMeans,
  lambdaGrid,
  type PsaStrategy,
  type PsaIcer,
  type PsaVerdict,
  type Quadrant,
  type CePlane,
  type CePlaneSeries,
  type Ceac,
  type CeacPoint,
} from './cost-effectiveness';
export {
  SCATTER_POINTS,
  strategyPsa,
  strategyPsaFromDraws,
  drawStrategies,
  strategyUncertaintyOf,
  defaultWtpMax,
  cheapestStrategyId,
  roundCeiling,
  type StrategyPsaSettings,
} from './strategy-psa';
export { modelFingerprint } from './fingerprint';
