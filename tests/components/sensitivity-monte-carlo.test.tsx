// @vitest-environment jsdom
// Monte Carlo on the Sensitivity screen: the sliced run gives exactly the engine's numbers; the worker script
// answers "run" with progress and the summary and stops on "cancel"; the worker runner follows the protocol
// (and stops a worker that does not answer a cancel); the panel validates its settings, shows progress, the
// percentiles of PV, NPV and the ratio and P(ratio > 1), gives the same numbers for the same seed, and cancels;
// with strategies (their distributions read from the model), the CE plane and the CEAC.
// Persistence: a finished run is saved with the project (saveSimulation) as a record the model's SimulationRun
// schema accepts; the stored run is shown when the stage opens, with its date, iterations and seed; a change
// to the model is said in words with "Run again with the same seed"; a cancelled or failed run keeps it.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as FilesModule from '../../renderer/src/api/files';
import type { ProjectState, SaveOutcome } from '../../renderer/src/hooks/useProject';
import '../../renderer/src/i18n';
import { SensitivityScreen } from '../../renderer/src/screens/SensitivityScreen';
import { MonteCarloPanel } from '../../renderer/src/sensitivity/MonteCarloPanel';
import type { MainToWorker, MonteCarloRequest, WorkerToMain } from '../../renderer/src/sensitivity/protocol';
import { buildRunRecord } from '../../renderer/src/sensitivity/run-record';
import { runMonteCarlo } from '../../renderer/src/sensitivity/run-monte-carlo';
import { inProcessRunner, workerRunner, type RunCallbacks, type StartRun } from '../../renderer/src/sensitivity/runner';
import { computeSroi } from '../../shared/engine';
import {
  defaultWtpMax,
  drawStrategies,
  modelFingerprint,
  simulate,
  strategyPsa,
} from '../../shared/engine/uncertainty';
import { parseProjectFile, SimulationRun, type Project, type StrategyUncertainty } from '../../shared/model';
import { repoRoot } from '../support/repo-root';

const downloads = vi.hoisted(() => ({ text: [] as Array<[string, string]> }));
vi.mock('../../renderer/src/api/files', async (original) => ({
  ...(await original<typeof FilesModule>()),
  saveTextFile: async (name: string, _kind: string, content: string) => {
    downloads.text.push([name, content]);
    return true;
  },
}));

function loadW2(): Project {
  const raw: unknown = JSON.parse(readFileSync(join(repoRoot(), 'docs/examples/w2-street-outreach.sroi.json'), 'utf8'));
  const parsed = parseProjectFile(raw);
  if (!parsed.ok) throw new Error('W2 does not parse');
  return parsed.value.project;
}

/** W2 with a gamma on the OAT proxy and a beta on its attribution. */
function w2Uncertain(): Project {
  const w2 = loadW2();
  return {
    ...w2,
    outcomes: w2.outcomes.map((o) =>
      o.id === 'oat'
        ? {
            ...o,
            uncertainty: {
              proxy: { type: 'gamma', mean: '6000', se: '1500' },
              attribution: { type: 'beta', mean: '0.5', se: '0.1' },
            },
          }
        : o,
    ),
  };
}

const STRATEGY_UNCERTAINTY: Record<string, StrategyUncertainty> = {
  outreach: {
    cost: { type: 'gamma', mean: '106250', se: '10000' },
    effect: { type: 'normal', mean: '2.1', sd: '0.6' },
  },
  scale: { cost: { type: 'gamma', mean: '180000', se: '20000' }, effect: { type: 'normal', mean: '3', sd: '0.9' } },
};

/** Three strategies, each with the distributions given (those of STRATEGY_UNCERTAINTY by default). */
function withStrategies(project: Project, uncertainty = STRATEGY_UNCERTAINTY): Project {
  const strategy = (id: string, name: string, cost: string, effect: string) => ({
    id,
    name,
    cost,
    effect,
    notes: '',
    uncertainty: uncertainty[id] ?? {},
  });
  return {
    ...project,
    effectUnit: 'deaths averted',
    strategies: [
      strategy('none', 'No outreach', '0', '0'),
      strategy('outreach', 'Street outreach', '106250', '2.1'),
      strategy('scale', 'Outreach and a second van', '180000', '3'),
    ],
  };
}

/** saveSimulation as the project state offers it: records what it is given and answers as told. */
function saver(answer: SaveOutcome = { ok: true }) {
  const saved: SimulationRun[] = [];
  const saveRun = vi.fn(async (run: SimulationRun): Promise<SaveOutcome> => {
    saved.push(run);
    return answer;
  });
  return { saved, saveRun };
}

/** A run as the store gives it back: through JSON, as the database keeps it. */
const stored = (run: SimulationRun): SimulationRun => JSON.parse(JSON.stringify(run)) as SimulationRun;

const request = (project: Project, iterations: number, seed: number): MonteCarloRequest => ({
  project,
  iterations,
  seed,
  histogramBins: 40,
  strategies: null,
});

afterEach(() => {
  cleanup();
  downloads.text.length = 0;
  vi.unstubAllGlobals();
});

describe('the sliced run', () => {
  it('gives exactly the numbers of the engine, however it is sliced', async () => {
    let clock = 0;
    const progress: number[] = [];
    const outcome = await runMonteCarlo(request(w2Uncertain(), 3000, 42), {
      onProgress: (done) => progress.push(done),
      isCancelled: () => false,
      pause: async () => undefined,
      now: () => (clock += 7), // a slow clock: many small slices
    });
    const engine = simulate(w2Uncertain(), { iterations: 3000, seed: 42, histogramBins: 40 });
    if (outcome.status !== 'complete' || engine.status !== 'complete') throw new Error('not complete');
    const { draws: _draws, ...summary } = engine;
    expect(outcome.summary).toEqual({ ...summary, npvHistogram: null });
    expect(progress.length).toBeGreaterThan(2);
    expect(progress[progress.length - 1]).toBe(3000);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('stops after a slice when cancelled and says how far it got', async () => {
    let calls = 0;
    const outcome = await runMonteCarlo(request(w2Uncertain(), 100_000, 1), {
      onProgress: () => undefined,
      isCancelled: () => ++calls >= 2,
      pause: async () => undefined,
      now: (() => {
        let t = 0;
        return () => (t += 100); // every slice ends after its first step
      })(),
    });
    expect(outcome.status).toBe('cancelled');
    if (outcome.status === 'cancelled') {
      expect(outcome.completed).toBeGreaterThan(0);
      expect(outcome.completed).toBeLessThan(100_000);
      expect(outcome.total).toBe(100_000);
    }
  });

  it('gives an NPV histogram instead of the ratio when there is no investment', async () => {
    const project = { ...w2Uncertain(), inputs: [] };
    const outcome = await runMonteCarlo(request(project, 500, 3), {
      onProgress: () => undefined,
      isCancelled: () => false,
      pause: async () => undefined,
      now: () => 0,
    });
    if (outcome.status !== 'complete') throw new Error('not complete');
    expect(outcome.summary.ratio).toBeNull();
    expect(outcome.summary.npvHistogram?.total).toBe(500);
  });
});

describe('the worker script', () => {
  it('answers a run with progress and the summary, and a cancel with how far it got', async () => {
    const sent: WorkerToMain[] = [];
    const scope = {
      onmessage: null as ((event: { data: MainToWorker }) => void) | null,
      postMessage: (m: WorkerToMain) => sent.push(m),
    };
    vi.stubGlobal('self', scope);
    vi.resetModules();
    await import('../../renderer/src/workers/monte-carlo.worker');
    expect(scope.onmessage).toBeTypeOf('function');

    scope.onmessage?.({ data: { type: 'run', runId: 'a', request: request(w2Uncertain(), 2000, 42) } });
    await waitFor(() => expect(sent.some((m) => m.type === 'complete')).toBe(true));
    const complete = sent.find((m) => m.type === 'complete');
    expect(sent.filter((m) => m.type === 'progress').length).toBeGreaterThan(0);
    const engine = simulate(w2Uncertain(), { iterations: 2000, seed: 42, histogramBins: 40 });
    if (complete?.type !== 'complete' || engine.status !== 'complete') throw new Error('not complete');
    expect(complete.summary.ratio).toEqual(engine.ratio);
    expect(complete.summary.probabilityRatioAboveOne).toBe(engine.probabilityRatioAboveOne);
    // No per-iteration arrays cross to the screen.
    expect('draws' in complete.summary).toBe(false);

    sent.length = 0;
    scope.onmessage?.({ data: { type: 'run', runId: 'b', request: request(w2Uncertain(), 1_000_000, 7) } });
    await waitFor(() => expect(sent.some((m) => m.type === 'progress')).toBe(true));
    scope.onmessage?.({ data: { type: 'cancel', runId: 'b' } });
    await waitFor(() => expect(sent.some((m) => m.type === 'cancelled')).toBe(true), { timeout: 10_000 });
    const cancelled = sent.find((m) => m.type === 'cancelled');
    expect(cancelled).toMatchObject({ type: 'cancelled', runId: 'b', total: 1_000_000 });
    if (cancelled?.type === 'cancelled') expect(cancelled.completed).toBeLessThan(1_000_000);
  });

  it('reports a model it cannot simulate as an error', async () => {
    const sent: WorkerToMain[] = [];
    const scope = {
      onmessage: null as ((event: { data: MainToWorker }) => void) | null,
      postMessage: (m: WorkerToMain) => sent.push(m),
    };
    vi.stubGlobal('self', scope);
    vi.resetModules();
    await import('../../renderer/src/workers/monte-carlo.worker');
    scope.onmessage?.({ data: { type: 'run', runId: 'x', request: request(w2Uncertain(), 0, 42) } });
    await waitFor(() => expect(sent[0]).toMatchObject({ type: 'error', runId: 'x' }));
    expect(sent[0].type === 'error' && sent[0].message).toMatch(/iterations must be a whole number/);
  });
});

describe('the worker runner', () => {
  class FakeWorker {
    static last: FakeWorker | null = null;
    posted: MainToWorker[] = [];
    terminated = false;
    onmessage: ((event: { data: WorkerToMain }) => void) | null = null;
    onerror: ((event: ErrorEvent) => void) | null = null;
    constructor(
      readonly url: URL,
      readonly options: WorkerOptions,
    ) {
      FakeWorker.last = this;
    }
    postMessage(message: MainToWorker) {
      this.posted.push(message);
    }
    terminate() {
      this.terminated = true;
    }
  }

  function callbacks() {
    return {
      onProgress: vi.fn(),
      onComplete: vi.fn(),
      onCancelled: vi.fn(),
      onError: vi.fn(),
    } satisfies RunCallbacks;
  }

  it('starts a module worker, passes progress and the result on, and ends the worker', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const cb = callbacks();
    workerRunner(request(w2Uncertain(), 10, 1), cb);
    const worker = FakeWorker.last as FakeWorker;
    expect(worker.options).toEqual({ type: 'module' });
    expect(String(worker.url)).toMatch(/\/workers\/monte-carlo\.worker\.ts/);
    const run = worker.posted[0];
    expect(run.type).toBe('run');
    worker.onmessage?.({ data: { type: 'progress', runId: run.runId, done: 5, total: 10 } });
    worker.onmessage?.({ data: { type: 'progress', runId: 'someone-else', done: 9, total: 10 } });
    expect(cb.onProgress.mock.calls).toEqual([[5, 10]]);
    worker.onmessage?.({ data: { type: 'error', runId: run.runId, message: 'boom' } });
    expect(cb.onError).toHaveBeenCalledWith('boom');
    expect(worker.terminated).toBe(true);
  });

  it('asks the worker to cancel, and stops it if it does not answer in time', () => {
    vi.useFakeTimers();
    try {
      vi.stubGlobal('Worker', FakeWorker);
      const cb = callbacks();
      const handle = workerRunner(request(w2Uncertain(), 1000, 1), cb);
      const worker = FakeWorker.last as FakeWorker;
      const runId = worker.posted[0].runId;
      worker.onmessage?.({ data: { type: 'progress', runId, done: 300, total: 1000 } });
      handle.cancel();
      expect(worker.posted[1]).toEqual({ type: 'cancel', runId });
      expect(worker.terminated).toBe(false);
      vi.advanceTimersByTime(2500);
      expect(worker.terminated).toBe(true);
      expect(cb.onCancelled).toHaveBeenCalledWith(300, 1000);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('MonteCarloPanel', () => {
  const form = () => screen.getByRole('form', { name: 'Monte Carlo settings' });

  async function run(iterations: string, seed: string) {
    const previous = screen.queryByTestId('mc-results')?.getAttribute('data-run-id') ?? null;
    fireEvent.change(within(form()).getByLabelText('Iterations'), { target: { value: iterations } });
    fireEvent.change(within(form()).getByLabelText('Seed'), { target: { value: seed } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Run Monte Carlo' }));
    await waitForNewRun(previous);
    return screen.getByTestId('mc-table').textContent ?? '';
  }

  async function waitForNewRun(previous: string | null) {
    await waitFor(
      () => {
        const results = screen.queryByTestId('mc-results');
        expect(results).not.toBeNull();
        expect(results?.getAttribute('data-run-id')).not.toBe(previous);
      },
      { timeout: 20_000 },
    );
  }

  it('runs with a seed, shows the percentiles and P(ratio > 1), and repeats exactly with the same seed', async () => {
    const project = w2Uncertain();
    const { saveRun } = saver();
    render(<MonteCarloPanel project={project} saveRun={saveRun} startRun={inProcessRunner} />);
    const first = await run('1500', '42');
    expect(screen.getByTestId('mc-progress').textContent).toBe('1,500 of 1,500 iterations (100 %)');
    expect(screen.getByTestId('mc-settings').textContent).toMatch(/^1,500 iterations, seed 42, run /);
    const engine = simulate(project, { iterations: 1500, seed: 42, histogramBins: 40 });
    if (engine.status !== 'complete' || engine.ratio === null || engine.probabilityRatioAboveOne === null) {
      throw new Error('not complete');
    }
    const ratioRow = within(screen.getByTestId('mc-row-ratio'))
      .getAllByRole('cell')
      .map((c) => c.textContent);
    const r = (x: number) => `${x.toFixed(2)} : 1`;
    expect(ratioRow).toEqual([
      r(engine.ratio.mean),
      r(engine.ratio.p2_5),
      r(engine.ratio.p50),
      r(engine.ratio.p97_5),
      '1.70 : 1',
    ]);
    const p = (engine.probabilityRatioAboveOne * 100).toFixed(1);
    expect(within(screen.getByTestId('mc-row-probability')).getAllByRole('cell')[0].textContent).toBe(`${p} %`);
    expect(screen.getByTestId('mc-probability').textContent).toContain(
      `The ratio is above 1 : 1 in ${p} % of the iterations`,
    );
    expect(screen.getByRole('figure', { name: 'Distribution of the SROI ratio' })).toBeTruthy();
    await waitFor(() =>
      expect(within(form()).getByRole('status').textContent).toBe(
        'Finished: 1,500 iterations with seed 42. The run is kept with the project.',
      ),
    );

    expect(await run('1500', '42')).toBe(first);
    expect(await run('1500', '43')).not.toBe(first);
  });

  it('saves a finished run with the project, as a record the model accepts, with its settings and seed', async () => {
    const project = w2Uncertain();
    const { saved, saveRun } = saver();
    render(<MonteCarloPanel project={project} saveRun={saveRun} startRun={inProcessRunner} />);
    await run('300', '9');
    await waitFor(() => expect(saveRun).toHaveBeenCalledTimes(1));
    const record = saved[0];
    expect(SimulationRun.safeParse(record).success).toBe(true);
    expect(SimulationRun.safeParse(stored(record)).success).toBe(true);
    expect(record).toMatchObject({
      iterations: 300,
      seed: 9,
      histogramBins: 40,
      modelFingerprint: modelFingerprint(project),
      psa: null,
      strategySettings: null,
    });
    expect(Date.parse(record.ranAt)).toBeGreaterThan(Date.now() - 60_000);
    const engine = simulate(project, { iterations: 300, seed: 9, histogramBins: 40 });
    if (engine.status !== 'complete') throw new Error('not complete');
    expect(record.summary.ratio).toEqual(engine.ratio);
    expect(record.summary.probabilityRatioAboveOne).toBe(engine.probabilityRatioAboveOne);
    expect(screen.getByTestId('mc-results').getAttribute('data-run-id')).toBe(record.id);
  });

  it('shows the stored run when it opens, with its date, iterations and seed, and the same figures', async () => {
    const project = w2Uncertain();
    const { saved, saveRun } = saver();
    const view = render(<MonteCarloPanel project={project} saveRun={saveRun} startRun={inProcessRunner} />);
    const table = await run('300', '9');
    const probability = screen.getByTestId('mc-probability').textContent;
    await waitFor(() => expect(saved).toHaveLength(1));
    view.unmount();

    const start = vi.fn<StartRun>();
    const reopened = { ...project, lastSimulation: stored(saved[0]) };
    render(<MonteCarloPanel project={reopened} saveRun={saveRun} startRun={start} />);
    expect(start).not.toHaveBeenCalled();
    const when = new Date(saved[0].ranAt).toLocaleString('en');
    expect(screen.getByTestId('mc-settings').textContent).toContain(`300 iterations, seed 9, run ${when}`);
    expect(screen.getByTestId('mc-table').textContent).toBe(table);
    expect(screen.getByTestId('mc-probability').textContent).toBe(probability);
    expect(screen.getByRole('figure', { name: 'Distribution of the SROI ratio' })).toBeTruthy();
    expect(screen.queryByTestId('mc-stale')).toBeNull();
    // The form offers the stored run's settings.
    expect((within(form()).getByLabelText('Seed') as HTMLInputElement).value).toBe('9');
    expect((within(form()).getByLabelText('Iterations') as HTMLInputElement).value).toBe('300');
  });

  it('says when the model has changed since the stored run, and runs it again with the same seed', async () => {
    const project = w2Uncertain();
    const { saved, saveRun } = saver();
    const first = render(<MonteCarloPanel project={project} saveRun={saveRun} startRun={inProcessRunner} />);
    await run('400', '11');
    await waitFor(() => expect(saved).toHaveLength(1));
    first.unmount();

    const changed = { ...project, settings: { ...project.settings, discountRate: '0.05' }, lastSimulation: saved[0] };
    render(<MonteCarloPanel project={changed} saveRun={saveRun} startRun={inProcessRunner} />);
    const note = screen.getByTestId('mc-stale');
    expect(note.textContent).toContain(
      'The model has changed since this run (its figures, settings or distributions), so these results may no longer match it.',
    );
    // The form has another seed typed in: the button uses the stored run's, not the form's.
    fireEvent.change(within(form()).getByLabelText('Seed'), { target: { value: '77' } });
    fireEvent.click(within(note).getByRole('button', { name: 'Run again with the same seed' }));
    await waitForNewRun(saved[0].id);
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]).toMatchObject({ iterations: 400, seed: 11, modelFingerprint: modelFingerprint(changed) });
    expect(saved[1].modelFingerprint).not.toBe(saved[0].modelFingerprint);
    expect((within(form()).getByLabelText('Seed') as HTMLInputElement).value).toBe('11');
    // Shown without the note: it matches the model now.
    expect(screen.queryByTestId('mc-stale')).toBeNull();
  });

  it('does not call a note or a comment a change to the model', () => {
    const project = w2Uncertain();
    const record = completeRecord(project, 50, 3);
    const noted = {
      ...project,
      outcomes: project.outcomes.map((o) => ({ ...o, notes: `${o.notes} checked again` })),
      lastSimulation: record,
    };
    render(<MonteCarloPanel project={noted} saveRun={vi.fn()} startRun={inProcessRunner} />);
    expect(screen.getByTestId('mc-results')).toBeTruthy();
    expect(screen.queryByTestId('mc-stale')).toBeNull();
  });

  it('checks the settings before running', () => {
    const start = vi.fn<StartRun>();
    render(<MonteCarloPanel project={w2Uncertain()} saveRun={vi.fn()} startRun={start} />);
    fireEvent.change(within(form()).getByLabelText('Iterations'), { target: { value: '0' } });
    fireEvent.change(within(form()).getByLabelText('Seed'), { target: { value: '1.5' } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Run Monte Carlo' }));
    expect(start).not.toHaveBeenCalled();
    const alerts = within(form())
      .getAllByRole('alert')
      .map((a) => a.textContent);
    expect(alerts).toEqual([
      'Iterations must be a whole number from 1 to 1,000,000.',
      'Seed must be a whole number from 0 to 4,294,967,295.',
    ]);
    fireEvent.change(within(form()).getByLabelText('Iterations'), { target: { value: '2,000,000' } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Run Monte Carlo' }));
    expect(within(form()).getAllByRole('alert')[0].textContent).toBe(
      'Iterations must be a whole number from 1 to 1,000,000.',
    );
  });

  function controlledStart() {
    let callbacks: RunCallbacks | null = null;
    const cancel = vi.fn(() => callbacks?.onCancelled(250, 1000));
    const start: StartRun = (_request, cb) => {
      callbacks = cb;
      return { cancel };
    };
    return { start, cancel, callbacks: () => callbacks };
  }

  it('shows the progress, and a cancel that keeps nothing from the run', async () => {
    const { start, cancel, callbacks } = controlledStart();
    const { saveRun } = saver();
    render(<MonteCarloPanel project={w2Uncertain()} saveRun={saveRun} startRun={start} />);
    fireEvent.change(within(form()).getByLabelText('Iterations'), { target: { value: '1000' } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Run Monte Carlo' }));
    expect(within(form()).getByRole('button', { name: 'Run Monte Carlo' })).toHaveProperty('disabled', true);
    act(() => callbacks()?.onProgress(250, 1000));
    expect(screen.getByTestId('mc-progress').textContent).toBe('250 of 1,000 iterations (25 %)');
    const bar = screen.getByRole('progressbar', { name: 'Monte Carlo progress' });
    expect(bar.getAttribute('value')).toBe('250');
    fireEvent.click(within(form()).getByRole('button', { name: 'Cancel' }));
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(within(form()).getByRole('status').textContent).toBe(
      'Cancelled after 250 of 1,000 iterations. Nothing from this run was kept.',
    );
    expect(screen.queryByTestId('mc-results')).toBeNull();
    expect(saveRun).not.toHaveBeenCalled();
    expect(within(form()).getByRole('button', { name: 'Run Monte Carlo' })).toHaveProperty('disabled', false);
    expect(within(form()).getByRole('button', { name: 'Cancel' })).toHaveProperty('disabled', true);
  });

  it('keeps the stored run when a new run is cancelled or fails', () => {
    const project = w2Uncertain();
    const record = completeRecord(project, 200, 5);
    const { start, callbacks } = controlledStart();
    const { saveRun } = saver();
    render(<MonteCarloPanel project={{ ...project, lastSimulation: record }} saveRun={saveRun} startRun={start} />);
    expect(screen.getByTestId('mc-results').getAttribute('data-run-id')).toBe(record.id);
    fireEvent.change(within(form()).getByLabelText('Seed'), { target: { value: '6' } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Run Monte Carlo' }));
    // While running, the results are hidden (they are about to be replaced).
    expect(screen.queryByTestId('mc-results')).toBeNull();
    fireEvent.click(within(form()).getByRole('button', { name: 'Cancel' }));
    expect(within(form()).getByRole('status').textContent).toBe(
      'Cancelled after 250 of 1,000 iterations. Nothing from this run was kept. The last complete run is still shown.',
    );
    expect(screen.getByTestId('mc-results').getAttribute('data-run-id')).toBe(record.id);
    expect(screen.getByTestId('mc-settings').textContent).toMatch(/^200 iterations, seed 5, run /);

    fireEvent.click(within(form()).getByRole('button', { name: 'Run Monte Carlo' }));
    act(() => callbacks()?.onError('out of memory'));
    expect(within(form()).getByRole('alert').textContent).toBe('The run failed: out of memory');
    expect(screen.getByTestId('mc-results').getAttribute('data-run-id')).toBe(record.id);
    expect(saveRun).not.toHaveBeenCalled();
  });

  it('says so when the project could not keep the run, and still shows it', async () => {
    const { saveRun } = saver({ ok: false, error: { code: 'FORBIDDEN', message: 'The project is read-only.' } });
    render(<MonteCarloPanel project={w2Uncertain()} saveRun={saveRun} startRun={inProcessRunner} />);
    await run('100', '2');
    await waitFor(() =>
      expect(within(form()).getByRole('alert').textContent).toBe(
        'The run finished but could not be kept with the project: The project is read-only.',
      ),
    );
    expect(screen.getByTestId('mc-settings').textContent).toMatch(/^100 iterations, seed 2, run /);
  });

  it('keeps no record with a figure that is not a finite number, and says why', async () => {
    // A proxy of 10^400 is a valid decimal for the model, but Infinity as a float.
    const project = w2Uncertain();
    const huge = {
      ...project,
      outcomes: project.outcomes.map((o, i) =>
        i === 0 ? { ...o, proxy: { ...o.proxy, value: `1${'0'.repeat(400)}` } } : o,
      ),
    };
    const { saveRun } = saver();
    render(<MonteCarloPanel project={huge} saveRun={saveRun} startRun={inProcessRunner} />);
    await run('50', '1');
    expect(saveRun).not.toHaveBeenCalled();
    expect(within(form()).getByRole('alert').textContent).toMatch(
      /^The run finished but was not kept with the project: a result is not a finite number \(summary\.[\w.]+: .*Infinity\)\. Look for a value in the model that is far too large\.$/,
    );
  });

  it('says when no assumption has a distribution', () => {
    render(<MonteCarloPanel project={loadW2()} saveRun={vi.fn()} startRun={inProcessRunner} />);
    expect(screen.getByText(/No assumption has a distribution yet/)).toBeTruthy();
  });

  it("draws the CE plane and the acceptability curve from the strategies' own distributions", async () => {
    const project = withStrategies(w2Uncertain());
    const { saved, saveRun } = saver();
    render(<MonteCarloPanel project={project} saveRun={saveRun} startRun={inProcessRunner} />);
    expect((within(form()).getByLabelText('Compare strategies against') as HTMLSelectElement).value).toBe('none');
    // Twice the largest ICER between neighbours (180000 - 106250) / 0.9 = 81,944, rounded up to 200,000.
    expect((within(form()).getByLabelText('Willingness to pay up to') as HTMLInputElement).value).toBe('200000');
    await run('800', '5');
    const plane = screen.getByRole('figure', { name: 'Cost-effectiveness plane (against No outreach)' });
    expect(plane.querySelectorAll('.recharts-scatter').length).toBeGreaterThan(0);
    expect(plane.querySelector('.chart-summary')?.textContent).toMatch(
      /^Street outreach against No outreach: mean extra cost [\d,]+\.\d\d EUR and mean extra effect [\d.]+ deaths averted: ICER [\d,]+\.\d\d EUR per deaths averted;/,
    );
    const ceac = screen.getByRole('figure', { name: 'Cost-effectiveness acceptability curve' });
    expect(ceac.querySelector('svg.recharts-surface')).not.toBeNull();
    expect(ceac.querySelector('.chart-summary')?.textContent).toMatch(
      /^At a willingness to pay of 200,000\.00 EUR per deaths averted, .+ is the most likely to be cost-effective/,
    );

    // The record keeps the PSA and the strategy settings, and the model's schema accepts it.
    await waitFor(() => expect(saved).toHaveLength(1));
    const record = saved[0];
    expect(SimulationRun.safeParse(stored(record)).success).toBe(true);
    expect(record.strategySettings).toEqual({
      uncertainty: { none: {}, ...STRATEGY_UNCERTAINTY },
      comparatorId: 'none',
      wtpMax: 200_000,
    });
    const shared = strategyPsa(project, { comparatorId: 'none', wtpMax: 200_000, points: 101 }, 800, 5);
    expect(record.psa).toEqual(shared);
    expect(record.psa?.plane[0].points).toHaveLength(800);
  });

  it('downloads the percentiles table as CSV', async () => {
    const { saveRun } = saver();
    render(<MonteCarloPanel project={w2Uncertain()} saveRun={saveRun} startRun={inProcessRunner} />);
    await run('200', '4');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Download CSV: Monte Carlo results' })));
    expect(downloads.text).toHaveLength(1);
    const [name, content] = downloads.text[0];
    expect(name).toMatch(/Monte-Carlo-results\.csv$/i);
    const lines = content
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Measure,Mean,Standard deviation,Minimum,2.5 %,Median (50 %),97.5 %,Maximum,Base case');
    const engine = simulate(w2Uncertain(), { iterations: 200, seed: 4, histogramBins: 40 });
    if (engine.status !== 'complete' || engine.ratio === null) throw new Error('not complete');
    expect(lines[3].split(',').slice(0, 2)).toEqual(['SROI ratio', String(engine.ratio.mean)]);
    expect(lines).toContain(`P(ratio > 1),${engine.probabilityRatioAboveOne}`);
    expect(lines).toContain('Seed,4');
  });
});

/** A complete run of the project, built as the panel builds it (for tests that start from a stored run). */
function completeRecord(project: Project, iterations: number, seed: number): SimulationRun {
  const engine = simulate(project, { iterations, seed, histogramBins: 40 });
  if (engine.status !== 'complete') throw new Error('not complete');
  const { draws: _draws, ...result } = engine;
  const built = buildRunRecord({
    project,
    iterations,
    seed,
    histogramBins: 40,
    strategies: null,
    fingerprint: modelFingerprint(project),
    elapsedMs: 12,
    summary: { ...result, npvHistogram: null },
    psa: null,
  });
  if (!built.ok) throw new Error(built.problem);
  return stored(built.run);
}

describe('the Sensitivity screen and the stored run', () => {
  it('shows the stored run on mount and saves a new one through the project state', async () => {
    const project = w2Uncertain();
    const record = completeRecord(project, 250, 8);
    const saveSimulation = vi.fn(async (): Promise<SaveOutcome> => ({ ok: true }));
    const state = { saveSimulation } as unknown as ProjectState;
    const withRun = { ...project, lastSimulation: record };
    render(
      <SensitivityScreen state={state} project={withRun} result={computeSroi(withRun)} startRun={inProcessRunner} />,
    );
    expect(screen.getByTestId('mc-results').getAttribute('data-run-id')).toBe(record.id);
    expect(screen.getByTestId('mc-settings').textContent).toMatch(/^250 iterations, seed 8, run /);

    const form = screen.getByRole('form', { name: 'Monte Carlo settings' });
    fireEvent.change(within(form).getByLabelText('Iterations'), { target: { value: '120' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Run Monte Carlo' }));
    await waitFor(() => expect(saveSimulation).toHaveBeenCalledTimes(1), { timeout: 20_000 });
    const [run] = saveSimulation.mock.calls[0] as unknown as [SimulationRun];
    expect(SimulationRun.safeParse(run).success).toBe(true);
    expect(run).toMatchObject({ iterations: 120, seed: 8 });
  });
});

describe('the record of a run', () => {
  it('refuses figures that are not finite numbers, naming the first one', () => {
    const project = w2Uncertain();
    const good = completeRecord(project, 20, 1);
    const built = buildRunRecord({
      project,
      iterations: 20,
      seed: 1,
      histogramBins: 40,
      strategies: null,
      fingerprint: 'abc',
      elapsedMs: 1,
      summary: { ...good.summary, presentValue: { ...good.summary.presentValue, mean: Number.POSITIVE_INFINITY } },
      psa: null,
    });
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.problem).toMatch(/^summary\.presentValue\.mean: .*Infinity/);
  });
});

describe('strategies in the Monte Carlo', () => {
  const project = withStrategies(loadW2());

  it('draws each strategy field from its own seeded stream', () => {
    const a = drawStrategies(project, 200, 5);
    const b = drawStrategies(project, 200, 5);
    expect(Array.from(a[1].cost)).toEqual(Array.from(b[1].cost));
    expect(Array.from(a[0].cost)).toEqual(new Array(200).fill(0));
    // Removing the scale-up's distributions leaves the outreach draws as they were.
    const c = drawStrategies(withStrategies(loadW2(), { outreach: STRATEGY_UNCERTAINTY.outreach }), 200, 5);
    expect(Array.from(c[1].effect)).toEqual(Array.from(a[1].effect));
    expect(Array.from(c[2].effect)).toEqual(new Array(200).fill(3));
  });

  it('gives CEAC shares that add up to 1 at every willingness to pay', () => {
    const psa = strategyPsa(project, { comparatorId: 'none', wtpMax: 200_000, points: 11 }, 400, 5);
    expect(psa.ceac.points).toHaveLength(11);
    for (const point of psa.ceac.points) expect(point.shares.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
    // At lambda 0 the cheapest strategy always has the highest net benefit.
    expect(psa.ceac.points[0].shares[0]).toBe(1);
    expect(psa.plane.map((s) => s.id)).toEqual(['outreach', 'scale']);
    expect(psa.plane[0].points).toHaveLength(400);
  });

  it('offers a round willingness-to-pay ceiling', () => {
    expect(defaultWtpMax(project)).toBe(200_000);
    expect(defaultWtpMax({ ...project, strategies: [] })).toBe(1);
  });
});
