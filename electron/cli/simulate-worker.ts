/**
 * The worker thread of `sroi simulate` (DESIGN.md: "Monte Carlo runs off the main thread ... worker_threads in
 * the CLI"). Bundled on its own by scripts/build-cli.mjs into dist/cli/simulate-worker.cjs, next to sroi.cjs.
 *
 * It receives a validated project and the run's settings, runs the engine's Monte Carlo in chunks and sends
 * each chunk's progress, then the summary (without the per-iteration arrays), on the MessagePort it was given.
 * With two strategies or more it also draws the strategies and sends their CE plane and acceptability curve
 * (shared/engine/uncertainty/strategy-psa.ts: the same function the app's worker calls, so the same seed gives
 * the same numbers in both), and each strategy's chance of being cost-effective at the threshold, if any.
 * After every message it bumps a counter in shared memory and wakes the main thread, which waits on that
 * counter (Atomics.wait) and reads the messages synchronously (receiveMessageOnPort). A stop flag in the same
 * memory lets the main thread end the run early.
 */
import { isMainThread, workerData, type MessagePort } from 'node:worker_threads';
import { ceac, type CeacPoint } from '../../shared/engine/uncertainty/cost-effectiveness';
import { simulate, type MonteCarloResult } from '../../shared/engine/uncertainty/monte-carlo';
import { drawStrategies, strategyPsaFromDraws } from '../../shared/engine/uncertainty/strategy-psa';
import type { Project } from '../../shared/model/schema';
import type { PsaSummary } from '../../shared/model/simulation';

/** The strategies' part of a run: the comparator, the CEAC grid and the threshold's willingness to pay. */
export interface SimulateWorkerPsa {
  comparatorId: string;
  wtpMax: number;
  points: number;
  /** Willingness to pay of the chosen threshold, or null when none applies. */
  threshold: number | null;
}

export interface SimulateWorkerPsaResult {
  /** The CE plane (without the scatter: the command line prints no chart) and the CEAC. */
  summary: PsaSummary;
  /** The CEAC at the threshold's willingness to pay. */
  atThreshold: CeacPoint | null;
}

/** What the main thread gives the worker (workerData). */
export interface SimulateWorkerInput {
  project: Project;
  iterations: number;
  seed: number;
  histogramBins: number;
  /** Only for two strategies or more. */
  psa: SimulateWorkerPsa | null;
  /** Where the worker answers (transferred to it). */
  port: MessagePort;
  /** Int32Array over it: [0] counts messages sent, [1] is 1 when the main thread asks the run to stop. */
  signal: SharedArrayBuffer;
}

/** What the worker sends back. */
export type SimulateWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; summary: Omit<MonteCarloResult, 'draws'>; psa: SimulateWorkerPsaResult | null }
  | { type: 'cancelled'; completed: number }
  | { type: 'error'; message: string; range: boolean };

/** The strategies' draws, summarised; they depend only on the project, the iterations and the seed. */
export function strategies(
  input: Pick<SimulateWorkerInput, 'project' | 'iterations' | 'seed'>,
  psa: SimulateWorkerPsa,
): SimulateWorkerPsaResult {
  const draws = drawStrategies(input.project, input.iterations, input.seed);
  return {
    summary: strategyPsaFromDraws(input.project, draws, {
      comparatorId: psa.comparatorId,
      wtpMax: psa.wtpMax,
      points: psa.points,
      scatterPoints: 0,
    }),
    atThreshold: psa.threshold === null ? null : ceac(draws, [psa.threshold]).points[0],
  };
}

function runWorker(input: SimulateWorkerInput): void {
  const port = input.port;
  const signal = new Int32Array(input.signal);
  const send = (message: SimulateWorkerMessage) => {
    port.postMessage(message);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  };
  try {
    const run = simulate(input.project, {
      iterations: input.iterations,
      seed: input.seed,
      histogramBins: input.histogramBins,
      onProgress: (done, total) => send({ type: 'progress', done, total }),
      shouldStop: () => Atomics.load(signal, 1) === 1,
    });
    if (run.status === 'complete') {
      const { draws: _draws, ...summary } = run;
      send({ type: 'result', summary, psa: input.psa === null ? null : strategies(input, input.psa) });
    } else {
      send({ type: 'cancelled', completed: run.completed });
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    send({ type: 'error', message, range: error instanceof RangeError });
  } finally {
    port.close();
  }
}

if (!isMainThread && workerData !== null && typeof workerData === 'object' && 'signal' in workerData) {
  runWorker(workerData as SimulateWorkerInput);
}
