/**
 * The Monte Carlo worker (DESIGN.md: "Monte Carlo runs off the main thread ... reporting progress and
 * cancellable"). Loaded by the Sensitivity screen as
 *   new Worker(new URL('../workers/monte-carlo.worker.ts', import.meta.url), { type: 'module' })
 * and bundled by Vite as its own file, served from the app's origin (CSP worker-src 'self').
 *
 * One run at a time: a new "run" replaces the one in progress (which stops at its next pause). "cancel" stops
 * the named run after the current slice of iterations and reports how many were done.
 */
import { runMonteCarlo } from '../sensitivity/run-monte-carlo';
import type { MainToWorker, WorkerToMain } from '../sensitivity/protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<MainToWorker>) => void) | null;
  postMessage(message: WorkerToMain): void;
}

const scope = self as unknown as WorkerScope;
let current: string | null = null;
const cancelled = new Set<string>();

const pause = () => new Promise<void>((resume) => setTimeout(resume, 0));

async function start(runId: string, message: Extract<MainToWorker, { type: 'run' }>): Promise<void> {
  current = runId;
  try {
    const outcome = await runMonteCarlo(message.request, {
      onProgress: (done, total) => scope.postMessage({ type: 'progress', runId, done, total }),
      isCancelled: () => cancelled.has(runId) || current !== runId,
      pause,
      now: () => performance.now(),
    });
    if (outcome.status === 'complete') {
      scope.postMessage({ type: 'complete', runId, summary: outcome.summary, psa: outcome.psa });
    } else {
      scope.postMessage({ type: 'cancelled', runId, completed: outcome.completed, total: outcome.total });
    }
  } catch (error) {
    scope.postMessage({ type: 'error', runId, message: error instanceof Error ? error.message : String(error) });
  } finally {
    cancelled.delete(runId);
    if (current === runId) current = null;
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'cancel') cancelled.add(message.runId);
  else void start(message.runId, message);
};
