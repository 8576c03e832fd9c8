/**
 * What the Sensitivity screen and its Monte Carlo worker say to each other, and what a finished run keeps.
 *
 *   screen -> worker   { type: 'run', runId, request }      start a run (one at a time per worker)
 *                      { type: 'cancel', runId }            stop it after the current slice of iterations
 *   worker -> screen   { type: 'progress', runId, done, total }
 *                      { type: 'complete', runId, summary, psa }
 *                      { type: 'cancelled', runId, completed, total }
 *                      { type: 'error', runId, message }
 *
 * Everything is plain structured-clone data. The per-iteration arrays stay in the worker: the screen receives
 * the summary (percentiles, histogram) and, for strategies, a thinned CE-plane scatter and the CEAC.
 */
import type { Distribution } from '../../../shared/model/distribution';
import type { Project } from '../../../shared/model/schema';
import type { CeacPoint, Histogram, MonteCarloResult, PsaVerdict, Quadrant } from '../../../shared/engine/uncertainty';

/** The uncertainty of one strategy's cost and effect (not in the model yet: kept by the screen). */
export interface StrategyUncertainty {
  cost?: Distribution;
  effect?: Distribution;
}

export interface StrategyPsaRequest {
  /** By strategy id; a strategy without an entry keeps its entered cost and effect in every iteration. */
  uncertainty: Record<string, StrategyUncertainty>;
  comparatorId: string;
  /** The willingness-to-pay grid of the CEAC: `points` values from 0 to `wtpMax`. */
  wtpMax: number;
  points: number;
}

export interface MonteCarloRequest {
  project: Project;
  iterations: number;
  seed: number;
  histogramBins: number;
  /** Only when the project has two strategies or more. */
  strategies: StrategyPsaRequest | null;
}

/**
 * MonteCarloResult without the per-iteration arrays; with a histogram of NPV instead of the ratio's when the
 * investment is zero (the ratio undefined).
 */
export type MonteCarloSummary = Omit<MonteCarloResult, 'draws'> & { npvHistogram: Histogram | null };

export interface CePlaneSummary {
  id: string;
  name: string;
  meanDeltaCost: number;
  meanDeltaEffect: number;
  icer: number | null;
  verdict: PsaVerdict;
  quadrantShares: Record<Quadrant, number> & { onAxis: number };
  /** The first iterations' (dE, dC), at most SCATTER_POINTS of them: enough to see the cloud. */
  points: Array<{ dE: number; dC: number }>;
}

export interface PsaSummary {
  comparatorId: string;
  comparatorName: string;
  effectUnit: string;
  currency: string;
  plane: CePlaneSummary[];
  ceac: { strategies: Array<{ id: string; name: string }>; points: CeacPoint[] };
  wtpMax: number;
}

/** The last run of a project: its settings and seed, stored with its results (the summary, not the draws). */
export interface RunRecord {
  id: string;
  /** ISO date and time the run finished. */
  ranAt: string;
  iterations: number;
  seed: number;
  histogramBins: number;
  /** A hash of the model the run used, to say when the model has changed since. */
  modelFingerprint: string;
  /** Milliseconds from start to finish. */
  elapsedMs: number;
  summary: MonteCarloSummary;
  psa: PsaSummary | null;
  /** The strategy settings used (null without strategies). */
  strategySettings: Omit<StrategyPsaRequest, 'points'> | null;
}

export type MainToWorker =
  { type: 'run'; runId: string; request: MonteCarloRequest } | { type: 'cancel'; runId: string };

export type WorkerToMain =
  | { type: 'progress'; runId: string; done: number; total: number }
  | { type: 'complete'; runId: string; summary: MonteCarloSummary; psa: PsaSummary | null }
  | { type: 'cancelled'; runId: string; completed: number; total: number }
  | { type: 'error'; runId: string; message: string };

export const SCATTER_POINTS = 1000;
export const DEFAULT_ITERATIONS = 10_000;
export const DEFAULT_BINS = 40;
export const CEAC_POINTS = 101;
