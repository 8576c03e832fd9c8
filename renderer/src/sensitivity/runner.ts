/**
 * Starting a Monte Carlo run from the screen. `workerRunner` runs it in a Web Worker (one worker per run,
 * ended when the run ends); `inProcessRunner` runs the same code on the calling thread, sliced the same way,
 * for tests and for places without workers. Both report progress and can be cancelled.
 */
import type { MonteCarloSummary, PsaSummary } from '../../../shared/model/simulation';
import { runMonteCarlo } from './run-monte-carlo';
import type { MainToWorker, MonteCarloRequest, WorkerToMain } from './protocol';

export interface RunCallbacks {
  onProgress(done: number, total: number): void;
  onComplete(summary: MonteCarloSummary, psa: PsaSummary | null): void;
  onCancelled(completed: number, total: number): void;
  onError(message: string): void;
}

export interface RunHandle {
  cancel(): void;
}

export type StartRun = (request: MonteCarloRequest, callbacks: RunCallbacks) => RunHandle;

/** How long a cancelled worker may take to answer before it is stopped outright. */
const CANCEL_GRACE_MS = 2000;

let runCounter = 0;
const nextRunId = () => `run-${Date.now().toString(36)}-${++runCounter}`;

export const workerRunner: StartRun = (request, callbacks) => {
  const runId = nextRunId();
  const worker = new Worker(new URL('../workers/monte-carlo.worker.ts', import.meta.url), { type: 'module' });
  let finished = false;
  let lastDone = 0;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  const finish = () => {
    finished = true;
    if (graceTimer !== undefined) clearTimeout(graceTimer);
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<WorkerToMain>) => {
    const message = event.data;
    if (finished || message.runId !== runId) return;
    switch (message.type) {
      case 'progress':
        lastDone = message.done;
        callbacks.onProgress(message.done, message.total);
        break;
      case 'complete':
        finish();
        callbacks.onComplete(message.summary, message.psa);
        break;
      case 'cancelled':
        finish();
        callbacks.onCancelled(message.completed, message.total);
        break;
      case 'error':
        finish();
        callbacks.onError(message.message);
        break;
    }
  };
  worker.onerror = (event: ErrorEvent) => {
    if (finished) return;
    event.preventDefault();
    finish();
    callbacks.onError(event.message || 'The Monte Carlo worker could not start.');
  };
  const run: MainToWorker = { type: 'run', runId, request };
  worker.postMessage(run);
  return {
    cancel() {
      if (finished) return;
      const cancel: MainToWorker = { type: 'cancel', runId };
      worker.postMessage(cancel);
      graceTimer = setTimeout(() => {
        if (finished) return;
        finish();
        callbacks.onCancelled(lastDone, request.iterations);
      }, CANCEL_GRACE_MS);
    },
  };
};

/** The same run on this thread, paused between slices with setTimeout (tests, jsdom). */
export const inProcessRunner: StartRun = (request, callbacks) => {
  let cancelled = false;
  void runMonteCarlo(request, {
    onProgress: callbacks.onProgress,
    isCancelled: () => cancelled,
    pause: () => new Promise((resume) => setTimeout(resume, 0)),
    now: () => performance.now(),
  }).then(
    (outcome) =>
      outcome.status === 'complete'
        ? callbacks.onComplete(outcome.summary, outcome.psa)
        : callbacks.onCancelled(outcome.completed, outcome.total),
    (error: unknown) => callbacks.onError(error instanceof Error ? error.message : String(error)),
  );
  return {
    cancel() {
      cancelled = true;
    },
  };
};
