/**
 * One Monte Carlo run in slices: the engine's MonteCarloSimulation advanced a slice at a time (about
 * SLICE_MS of work), with a progress report and a pause after each slice so a "cancel" message can arrive.
 * The Web Worker (workers/monte-carlo.worker.ts) runs this; tests run it in-process. The numbers depend only on
 * the project, the iterations and the seed, never on how the run was sliced.
 */
import { histogram, MonteCarloSimulation, strategyPsa } from '../../../shared/engine/uncertainty';
import type { MonteCarloSummary, PsaSummary } from '../../../shared/model/simulation';
import type { MonteCarloRequest } from './protocol';

export const SLICE_MS = 40;

export interface RunHooks {
  onProgress(done: number, total: number): void;
  /** Asked after each slice. */
  isCancelled(): boolean;
  /** Let other work (incoming messages) run between slices. */
  pause(): Promise<void>;
  now(): number;
}

export type RunOutcome =
  | { status: 'complete'; summary: MonteCarloSummary; psa: PsaSummary | null }
  | { status: 'cancelled'; completed: number; total: number };

export async function runMonteCarlo(request: MonteCarloRequest, hooks: RunHooks): Promise<RunOutcome> {
  const simulation = new MonteCarloSimulation(request.project, {
    iterations: request.iterations,
    seed: request.seed,
    histogramBins: request.histogramBins,
  });
  const total = simulation.total;
  // Small steps inside a slice, so a slice ends close to SLICE_MS whatever the model's size.
  const step = Math.max(1, Math.min(2000, Math.ceil(total / 500)));
  while (!simulation.finished) {
    const started = hooks.now();
    do simulation.advance(step);
    while (!simulation.finished && hooks.now() - started < SLICE_MS);
    hooks.onProgress(simulation.done, total);
    if (simulation.finished) break;
    await hooks.pause();
    if (hooks.isCancelled()) return { status: 'cancelled', completed: simulation.done, total };
  }
  const { draws, ...result } = simulation.result();
  const summary: MonteCarloSummary = {
    ...result,
    // A ratio that overflowed is no number to show or store.
    baseCase: { ...result.baseCase, ratio: Number.isFinite(result.baseCase.ratio) ? result.baseCase.ratio : null },
    npvHistogram: result.ratio === null ? histogram(draws.netPresentValue, { bins: request.histogramBins }) : null,
  };
  const psa =
    request.strategies === null ? null : strategyPsa(request.project, request.strategies, total, request.seed);
  return { status: 'complete', summary, psa };
}
