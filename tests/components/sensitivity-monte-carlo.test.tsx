// @vitest-environment jsdom
// Monte Carlo on the Sensitivity screen: the sliced run gives exactly the engine's numbers; the worker script
// answers "run" with progress and the summary and stops on "cancel"; the worker runner follows the protocol
// (and stops a worker that does not answer a cancel); the panel validates its settings, shows progress, the
// percentiles of PV, NPV and the ratio and P(ratio > 1), gives the same numbers for the same seed, keeps the
// last run's settings and seed with its results, and cancels; with strategies, the CE plane and the CEAC.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../renderer/src/i18n';
import { MonteCarloPanel } from '../../renderer/src/sensitivity/MonteCarloPanel';
import type {
  MainToWorker,
  MonteCarloRequest,
  StrategyUncertainty,
  WorkerToMain,
} from '../../renderer/src/sensitivity/protocol';
import { defaultWtpMax, drawStrategies, strategyPsa } from '../../renderer/src/sensitivity/psa';
import { runMonteCarlo } from '../../renderer/src/sensitivity/run-monte-carlo';
import { inProcessRunner, workerRunner, type RunCallbacks, type StartRun } from '../../renderer/src/sensitivity/runner';
import { clearSessions } from '../../renderer/src/sensitivity/session-store';
import { simulate } from '../../shared/engine/uncertainty';
import { parseProjectFile, type Project } from '../../shared/model';
import { repoRoot } from '../support/repo-root';

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

function withStrategies(project: Project): Project {
  const strategy = (id: string, name: string, cost: string, effect: string) => ({
    id,
    name,
    cost,
    effect,
    notes: '',
    uncertainty: {},
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

const STRATEGY_UNCERTAINTY: Record<string, StrategyUncertainty> = {
  outreach: {
    cost: { type: 'gamma', mean: '106250', se: '10000' },
    effect: { type: 'normal', mean: '2.1', sd: '0.6' },
  },
  scale: { cost: { type: 'gamma', mean: '180000', se: '20000' }, effect: { type: 'normal', mean: '3', sd: '0.9' } },
};

const request = (project: Project, iterations: number, seed: number): MonteCarloRequest => ({
  project,
  iterations,
  seed,
  histogramBins: 40,
  strategies: null,
});

afterEach(() => {
  cleanup();
  clearSessions();
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
    await waitFor(
      () => {
        const results = screen.queryByTestId('mc-results');
        expect(results).not.toBeNull();
        expect(results?.getAttribute('data-run-id')).not.toBe(previous);
      },
      { timeout: 20_000 },
    );
    return screen.getByTestId('mc-table').textContent ?? '';
  }

  it('runs with a seed, shows the percentiles and P(ratio > 1), and repeats exactly with the same seed', async () => {
    const project = w2Uncertain();
    render(<MonteCarloPanel project={project} strategyUncertainty={{}} startRun={inProcessRunner} />);
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

    expect(await run('1500', '42')).toBe(first);
    expect(await run('1500', '43')).not.toBe(first);
  });

  it('keeps the last run with its settings and seed when the panel is shown again', async () => {
    const project = w2Uncertain();
    const view = render(<MonteCarloPanel project={project} strategyUncertainty={{}} startRun={inProcessRunner} />);
    await run('300', '9');
    view.unmount();
    render(<MonteCarloPanel project={project} strategyUncertainty={{}} startRun={inProcessRunner} />);
    expect(screen.getByTestId('mc-settings').textContent).toMatch(/^300 iterations, seed 9, run /);
    expect((within(form()).getByLabelText('Seed') as HTMLInputElement).value).toBe('9');
    expect((within(form()).getByLabelText('Iterations') as HTMLInputElement).value).toBe('300');
    // A change to the model marks the run as out of date.
    cleanup();
    const changed = { ...project, settings: { ...project.settings, discountRate: '0.05' } };
    render(<MonteCarloPanel project={changed} strategyUncertainty={{}} startRun={inProcessRunner} />);
    expect(screen.getByText('The model has changed since this run: run it again for figures that match.')).toBeTruthy();
  });

  it('checks the settings before running', () => {
    const start = vi.fn<StartRun>();
    render(<MonteCarloPanel project={w2Uncertain()} strategyUncertainty={{}} startRun={start} />);
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

  it('shows the progress, and a cancel that keeps nothing from the run', async () => {
    let callbacks: RunCallbacks | null = null;
    const cancel = vi.fn(() => callbacks?.onCancelled(250, 1000));
    const start: StartRun = (_request, cb) => {
      callbacks = cb;
      return { cancel };
    };
    render(<MonteCarloPanel project={w2Uncertain()} strategyUncertainty={{}} startRun={start} />);
    fireEvent.change(within(form()).getByLabelText('Iterations'), { target: { value: '1000' } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Run Monte Carlo' }));
    expect(within(form()).getByRole('button', { name: 'Run Monte Carlo' })).toHaveProperty('disabled', true);
    act(() => callbacks?.onProgress(250, 1000));
    expect(screen.getByTestId('mc-progress').textContent).toBe('250 of 1,000 iterations (25 %)');
    const bar = screen.getByRole('progressbar', { name: 'Monte Carlo progress' });
    expect(bar.getAttribute('value')).toBe('250');
    fireEvent.click(within(form()).getByRole('button', { name: 'Cancel' }));
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(within(form()).getByRole('status').textContent).toBe(
      'Cancelled after 250 of 1,000 iterations. Nothing from this run was kept.',
    );
    expect(screen.queryByTestId('mc-results')).toBeNull();
    expect(within(form()).getByRole('button', { name: 'Run Monte Carlo' })).toHaveProperty('disabled', false);
    expect(within(form()).getByRole('button', { name: 'Cancel' })).toHaveProperty('disabled', true);
  });

  it('says when no assumption has a distribution', () => {
    render(<MonteCarloPanel project={loadW2()} strategyUncertainty={{}} startRun={inProcessRunner} />);
    expect(screen.getByText(/No assumption has a distribution yet/)).toBeTruthy();
  });

  it('draws the CE plane and the acceptability curve for strategies', async () => {
    const project = withStrategies(w2Uncertain());
    render(<MonteCarloPanel project={project} strategyUncertainty={STRATEGY_UNCERTAINTY} startRun={inProcessRunner} />);
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
  });
});

describe('strategies in the Monte Carlo', () => {
  const project = withStrategies(loadW2());

  it('draws each strategy field from its own seeded stream', () => {
    const psaRequest = { uncertainty: STRATEGY_UNCERTAINTY, comparatorId: 'none', wtpMax: 200_000, points: 11 };
    const a = drawStrategies(project, psaRequest, 200, 5);
    const b = drawStrategies(project, psaRequest, 200, 5);
    expect(Array.from(a[1].cost)).toEqual(Array.from(b[1].cost));
    expect(Array.from(a[0].cost)).toEqual(new Array(200).fill(0));
    // Removing the scale-up's distributions leaves the outreach draws as they were.
    const c = drawStrategies(
      project,
      { ...psaRequest, uncertainty: { outreach: STRATEGY_UNCERTAINTY.outreach } },
      200,
      5,
    );
    expect(Array.from(c[1].effect)).toEqual(Array.from(a[1].effect));
    expect(Array.from(c[2].effect)).toEqual(new Array(200).fill(3));
  });

  it('gives CEAC shares that add up to 1 at every willingness to pay', () => {
    const psa = strategyPsa(
      project,
      { uncertainty: STRATEGY_UNCERTAINTY, comparatorId: 'none', wtpMax: 200_000, points: 11 },
      400,
      5,
    );
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
