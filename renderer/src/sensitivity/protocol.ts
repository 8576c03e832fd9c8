/**
 * What the Sensitivity screen and its Monte Carlo worker say to each other.
 *
 *   screen -> worker   { type: 'run', runId, request }      start a run (one at a time per worker)
 *                      { type: 'cancel', runId }            stop it after the current slice of iterations
 *   worker -> screen   { type: 'progress', runId, done, total }
 *                      { type: 'complete', runId, summary, psa }
 *                      { type: 'cancelled', runId, completed, total }
 *                      { type: 'error', runId, message }
 *
 * Everything is plain structured-clone data. The per-iteration arrays stay in the worker: the screen receives
 * the summary (percentiles, histogram) and, for strategies, a thinned CE-plane scatter and the CEAC, in the
 * shapes the model stores them (shared/model/simulation.ts: MonteCarloSummary, PsaSummary).
 */
import type { StrategyPsaSettings } from '../../../shared/engine/uncertainty';
import type { MonteCarloSummary, PsaSummary } from '../../../shared/model/simulation';
import type { Project } from '../../../shared/model/schema';

export interface MonteCarloRequest {
  /** The project as the run sees it; the strategies' distributions are their own `uncertainty`. */
  project: Project;
  iterations: number;
  seed: number;
  histogramBins: number;
  /** Only when the project has two strategies or more. */
  strategies: StrategyPsaSettings | null;
}

export type MainToWorker =
  { type: 'run'; runId: string; request: MonteCarloRequest } | { type: 'cancel'; runId: string };

export type WorkerToMain =
  | { type: 'progress'; runId: string; done: number; total: number }
  | { type: 'complete'; runId: string; summary: MonteCarloSummary; psa: PsaSummary | null }
  | { type: 'cancelled'; runId: string; completed: number; total: number }
  | { type: 'error'; runId: string; message: string };

export const DEFAULT_ITERATIONS = 10_000;
export const DEFAULT_BINS = 40;
export const CEAC_POINTS = 101;
