// Monte Carlo speed and memory (METHOD.md section 3, DESIGN.md "Engine"): the generated 200-outcome, 10-year
// model with a distribution on every quantity, proxy and adjustment (1,200 distributions of six kinds).
//   (a) 10,000 iterations, the first run in a fresh process as a worker would do it (target: under 2 s), then
//       the median of three more;
//   (b) memory: the peak during the run, and what the result keeps (only the per-iteration Float64Arrays,
//       24 bytes an iteration, should grow with the count);
//   (c) scaling: 1,000 / 10,000 / 100,000 iterations, time per iteration (should be flat: linear in the count).
// Runs through MonteCarloSimulation (what `simulate` and a worker use) to time setup, iterations and summary apart.
// Run with `node scripts/bench.mjs monte-carlo`.
import { MonteCarloSimulation, type MonteCarloResult } from '../../shared/engine/uncertainty';
import type { Distribution, Project } from '../../shared/model';
import { generatedProject } from '../support/generated-model';
import { median, report } from './measure';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** A distribution on every uncertain field: PERT, triangular or normal quantities, gamma or lognormal proxies,
 * beta adjustments (uniform 0..10 % where the entered value is 0, which a beta cannot have as its mean). */
function uncertainModel(): Project {
  const project = generatedProject(200, 10);
  const fraction = (x: string): Distribution =>
    Number(x) > 0 && Number(x) < 1 ? { type: 'beta', mean: x, se: '0.05' } : { type: 'uniform', min: '0', max: '0.1' };
  project.outcomes.forEach((o, i) => {
    const q = Number(o.quantity);
    const p = Number(o.proxy.value);
    const lo = String(q * 0.8);
    const hi = String(q * 1.2);
    o.uncertainty = {
      quantity:
        i % 3 === 0
          ? { type: 'pert', min: lo, mode: o.quantity, max: hi }
          : i % 3 === 1
            ? { type: 'triangular', min: lo, mode: o.quantity, max: hi }
            : { type: 'normal', mean: o.quantity, sd: String(q * 0.1) },
      proxy:
        i % 2 === 0
          ? { type: 'gamma', mean: o.proxy.value, se: (p * 0.2).toFixed(2) }
          : { type: 'lognormal', mean: o.proxy.value, se: (p * 0.2).toFixed(2) },
      deadweight: fraction(o.deadweight),
      displacement: fraction(o.displacement),
      attribution: fraction(o.attribution),
      dropOff: fraction(o.dropOff),
    };
  });
  return project;
}

const MB = 1024 * 1024;

function memory(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

interface Timed {
  /** Whole run: setup, iterations, summary. */
  ms: number;
  setupMs: number;
  loopMs: number;
  summaryMs: number;
  /** Highest heap + array buffers seen during the run, above the idle level (includes uncollected garbage). */
  peakMb: number;
  /** What the finished result keeps after a full GC, above the idle level. */
  retainedMb: number;
  result: MonteCarloResult;
}

function timed(project: Project, iterations: number, seed: number): Timed {
  gc();
  const idle = memory();
  let peak = idle;
  const t0 = performance.now();
  const simulation = new MonteCarloSimulation(project, { iterations, seed });
  const t1 = performance.now();
  const chunk = Math.max(1, Math.ceil(iterations / 100));
  while (!simulation.finished) {
    simulation.advance(chunk);
    peak = Math.max(peak, memory());
  }
  const t2 = performance.now();
  const result = simulation.result();
  const t3 = performance.now();
  peak = Math.max(peak, memory());
  gc();
  const retained = memory() - idle;
  return {
    ms: t3 - t0,
    setupMs: t1 - t0,
    loopMs: t2 - t1,
    summaryMs: t3 - t2,
    peakMb: (peak - idle) / MB,
    retainedMb: retained / MB,
    result,
  };
}

const project = uncertainModel();

// (a) The first run in this process: no warm-up, as in a worker started for the run.
const first = timed(project, 10_000, 1);
const r = first.result;
console.log(
  `monte carlo: ${r.parameters.length} distributions; ratio mean ${r.ratio?.mean.toFixed(3)}, ` +
    `95 % interval ${r.ratio?.p2_5.toFixed(3)} to ${r.ratio?.p97_5.toFixed(3)}, P(ratio > 1) ${r.probabilityRatioAboveOne}`,
);
report('monte carlo: 10,000 iterations, 200 outcomes x 10 years (first run)', first.ms, 'ms', 2000);
console.log(
  `  setup ${first.setupMs.toFixed(1)} ms, iterations ${first.loopMs.toFixed(0)} ms, summary ${first.summaryMs.toFixed(1)} ms`,
);
const again = [2, 3, 4].map((seed) => timed(project, 10_000, seed).ms);
report('monte carlo: 10,000 iterations, 200 outcomes x 10 years (median of 3 more)', median(again), 'ms', 2000);

// (b) Memory: the three Float64Arrays of 10,000 totals are 0.23 MB; everything else is per parameter.
report('monte carlo: peak heap + buffers above idle during 10,000 iterations (with garbage)', first.peakMb, 'MB');
report('monte carlo: kept by the 10,000-iteration result after GC', first.retainedMb, 'MB');

// (c) Scaling: each size run three times, the median reported.
const perIteration: number[] = [];
for (const n of [1_000, 10_000, 100_000]) {
  const runs = [11, 12, 13].map((seed) => timed(project, n, seed));
  const total = median(runs.map((t) => t.ms));
  const loop = median(runs.map((t) => t.loopMs));
  perIteration.push((loop * 1000) / n);
  const label = `monte carlo: ${n.toLocaleString('en-GB')} iterations`;
  report(`${label}, time per iteration (whole run, median of 3)`, (total * 1000) / n, 'us');
  report(`${label}, time per iteration (iterations only)`, (loop * 1000) / n, 'us');
  report(`${label}, kept by the result after GC`, median(runs.map((t) => t.retainedMb)), 'MB');
}
report('monte carlo: time per iteration at 100,000 / at 1,000 (1 = linear)', perIteration[2] / perIteration[0], 'x');
report('monte carlo: process peak resident memory', process.resourceUsage().maxRSS / 1024, 'MB');
