/**
 * `sroi simulate FILE [--iterations N] [--seed S] [--bins B] [--comparator ID] [--wtp-max X] [--wtp-points N]
 * [--json] [--progress]`: Monte Carlo over the distributions in a model file (METHOD.md section 3): mean and
 * 2.5 / 50 / 97.5 percentiles of PV, NPV and the SROI ratio, P(ratio > 1), P(NPV > 0) and a histogram of the
 * ratio, printed with the run's settings and seed; with two strategies or more, their probabilistic
 * cost-effectiveness too (simulate-psa.ts). The same file, iterations and seed give the same output, byte for
 * byte (no clock in it).
 *
 * The run happens in a worker thread (simulate-worker.ts, bundled as dist/cli/simulate-worker.cjs). The
 * command itself stays synchronous, like every other command: the main thread waits on a shared counter
 * (Atomics.wait) that the worker bumps after each message, and reads the messages with receiveMessageOnPort,
 * printing progress to standard error as it comes. Ctrl+C ends the process, and the run with it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { MAX_ITERATIONS, MAX_SEED, type MonteCarloResult, type Summary } from '../../shared/engine/uncertainty';
import { formatFixed, formatMoney, formatNumber, formatPercent } from '../../shared/format/number';
import type { Project } from '../../shared/model/schema';
import { version } from '../../package.json';
import { CliError, ExitCode } from './exit-codes';
import { wholeOption } from './number-options';
import { formatProblems } from './format-problems';
import type { CliIo } from './io';
import { OUTPUT_SCHEMA_VERSION, toJsonText, validateOutput } from './json-output';
import { loadModel } from './load-model';
import { formatPsa, planPsa, psaOutput, psaRerunOptions, type PsaOptions, type PsaOutput } from './simulate-psa';
import type {
  SimulateWorkerInput,
  SimulateWorkerMessage,
  SimulateWorkerPsa,
  SimulateWorkerPsaResult,
} from './simulate-worker';
import { renderPairs, renderTable } from './text-table';

export interface SimulateOptions extends PsaOptions {
  iterations?: string;
  seed?: string;
  bins?: string;
  json?: boolean;
  progress?: boolean;
}

export const DEFAULT_CLI_ITERATIONS = 10_000;
/** The worker must say something at least this often (it reports every 1 % of the run). */
const WORKER_SILENCE_MS = 120_000;

type Summarised = Omit<MonteCarloResult, 'draws'>;

/** A seed when none is given: random, and printed with the results so the run can be repeated. */
function randomSeed(): number {
  return Math.floor(Math.random() * 1_000_000);
}

function workerFile(): string {
  // In the bundle (dist/cli/sroi.cjs) the worker bundle sits next to it.
  return join(__dirname, 'simulate-worker.cjs');
}

/** Run the simulation in a worker thread and wait for it, reporting progress; returns the summaries. */
export function runInWorker(
  project: Project,
  settings: { iterations: number; seed: number; histogramBins: number; psa: SimulateWorkerPsa | null },
  onProgress: (done: number, total: number) => void,
  file = workerFile(),
): { summary: Summarised; psa: SimulateWorkerPsaResult | null } {
  if (!existsSync(file)) {
    throw new Error(`the simulation worker ${file} is missing; run "npm run build:cli"`);
  }
  const signal = new SharedArrayBuffer(8);
  const flags = new Int32Array(signal);
  const { port1, port2 } = new MessageChannel();
  const input: SimulateWorkerInput = { project, ...settings, port: port2, signal };
  const worker = new Worker(file, { workerData: input, transferList: [port2] });
  let seen = 0;
  let lastHeard = Date.now();
  try {
    for (;;) {
      Atomics.wait(flags, 0, seen, 1000);
      seen = Atomics.load(flags, 0);
      for (let received = receiveMessageOnPort(port1); received; received = receiveMessageOnPort(port1)) {
        lastHeard = Date.now();
        const message = received.message as SimulateWorkerMessage;
        switch (message.type) {
          case 'progress':
            onProgress(message.done, message.total);
            break;
          case 'result':
            return { summary: message.summary, psa: message.psa };
          case 'cancelled':
            throw new Error(`the simulation stopped after ${message.completed} iterations`);
          case 'error':
            // A distribution the engine cannot draw from is a problem of the model, not a bug of sroi.
            if (message.range) throw new CliError(ExitCode.InvalidModel, `cannot simulate: ${message.message}`);
            throw new Error(message.message);
        }
      }
      if (Date.now() - lastHeard > WORKER_SILENCE_MS) {
        Atomics.store(flags, 1, 1);
        throw new Error(`the simulation worker stopped answering for ${WORKER_SILENCE_MS / 1000} s`);
      }
    }
  } finally {
    port1.close();
    void worker.terminate();
  }
}

function progressReporter(io: CliIo, enabled: boolean, interactive: boolean) {
  let lastTenth = -1;
  return {
    report(done: number, total: number) {
      if (!enabled) return;
      const share = total === 0 ? 1 : done / total;
      if (interactive) {
        io.err(
          `\rsimulating: ${formatNumber(done, 0)} of ${formatNumber(total, 0)} iterations (${Math.floor(share * 100)} %)`,
        );
        return;
      }
      const tenth = Math.floor(share * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        io.err(`simulating: ${formatNumber(done, 0)} of ${formatNumber(total, 0)} iterations (${tenth * 10} %)\n`);
      }
    },
    end() {
      if (enabled && interactive) io.err('\n');
    },
  };
}

export function simulateCommand(file: string, options: SimulateOptions, io: CliIo): ExitCode {
  const iterations = wholeOption(
    options.iterations ?? String(DEFAULT_CLI_ITERATIONS),
    '--iterations',
    1,
    MAX_ITERATIONS,
  );
  const seed = options.seed === undefined ? randomSeed() : wholeOption(options.seed, '--seed', 0, MAX_SEED);
  const histogramBins = wholeOption(options.bins ?? '20', '--bins', 1, 1000);

  const loaded = loadModel(file);
  if (!loaded.ok) {
    if (options.json) io.out(toJsonText(validateOutput(file, loaded.problems, [])));
    else
      io.err(
        formatProblems(file, loaded.problems) + 'Nothing was simulated. `sroi validate` lists the same problems.\n',
      );
    return ExitCode.InvalidModel;
  }
  const project = loaded.file.project;
  const plan = planPsa(project, options);
  const interactive = process.stderr.isTTY === true && !options.json;
  const progress = progressReporter(io, options.progress === true || interactive, interactive);
  let ran: ReturnType<typeof runInWorker>;
  try {
    ran = runInWorker(project, { iterations, seed, histogramBins, psa: plan?.worker ?? null }, progress.report);
  } finally {
    progress.end();
  }
  const psa = plan !== null && ran.psa !== null ? psaOutput(project, plan, ran.psa) : null;
  const run = {
    summary: ran.summary,
    psa,
    seedDrawn: options.seed === undefined,
    rerunExtra: psaRerunOptions(plan, options),
  };
  io.out(options.json ? toJsonText(simulateOutput(file, project, run)) : formatSimulation(file, project, run));
  return ExitCode.Ok;
}

/** One finished run, ready to print. */
export interface SimulationToPrint {
  summary: Summarised;
  /** The strategies' part (null with fewer than two strategies). */
  psa: PsaOutput | null;
  seedDrawn: boolean;
  /** Options that repeat the strategies' part, e.g. " --comparator none" (empty for the defaults). */
  rerunExtra: string;
}

// ---------------------------------------------------------------------------------------------------------
// Output

export interface SimulateOutput {
  schemaVersion: number;
  generator: { name: string; version: string };
  command: 'simulate';
  file: string;
  project: { id: string; name: string; currency: string; priceYear: number };
  /** The settings of the run, stored with its results: enough to repeat it exactly. */
  run: {
    iterations: number;
    seed: number;
    seedGiven: boolean;
    histogramBins: number;
    rerun: string;
  };
  result: Summarised;
  /**
   * With two strategies or more: their probabilistic cost-effectiveness (the CE plane without its scatter, the
   * CEAC over the grid, each strategy's probability of being cost-effective at the threshold); otherwise null.
   */
  psa: PsaOutput | null;
}

function rerunCommand(file: string, run: SimulationToPrint): string {
  const quoted = /^[\w./-]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;
  const s = run.summary;
  return `sroi simulate ${quoted} --iterations ${s.iterations} --seed ${s.seed} --bins ${s.settings.histogramBins}${run.rerunExtra}`;
}

export function simulateOutput(file: string, project: Project, run: SimulationToPrint): SimulateOutput {
  const { summary, seedDrawn } = run;
  return {
    schemaVersion: OUTPUT_SCHEMA_VERSION,
    generator: { name: 'sroi', version },
    command: 'simulate',
    file,
    project: { id: project.id, name: project.name, currency: project.currency, priceYear: project.priceYear },
    run: {
      iterations: summary.iterations,
      seed: summary.seed,
      seedGiven: !seedDrawn,
      histogramBins: summary.settings.histogramBins,
      rerun: rerunCommand(file, run),
    },
    result: summary,
    psa: run.psa,
  };
}

function heading(text: string, underline = '-'): string[] {
  return ['', text, underline.repeat([...text].length)];
}

const FIELD_WORDS: Record<string, string> = {
  quantity: 'quantity',
  proxy: 'proxy',
  deadweight: 'deadweight',
  displacement: 'displacement',
  attribution: 'attribution',
  dropOff: 'drop-off',
};

const money = (x: number) => formatFixed(x, 2);
const ratioText = (x: number) => `${formatFixed(x, 2)} : 1`;
const probability = (p: number) => `${formatFixed(p, 4)} (${formatPercent(p, 1, true)})`;

function summaryRow(label: string, s: Summary | null, base: number | null, show: (x: number) => string): string[] {
  if (s === null) return [label, 'n/a', '', '', '', base === null ? 'n/a' : show(base)];
  return [label, show(s.mean), show(s.p2_5), show(s.p50), show(s.p97_5), base === null ? 'n/a' : show(base)];
}

function histogramLines(summary: Summarised): string[] {
  const h = summary.ratioHistogram;
  if (h === null || h.bins.length === 0) return [];
  const widest = Math.max(1, ...h.bins.map((b) => b.count));
  const rows = h.bins.map((b) => {
    const bar = '#'.repeat(Math.round((b.count / widest) * 40));
    return [`${formatFixed(b.from, 3)} to ${formatFixed(b.to, 3)}`, formatNumber(b.count, 0), bar];
  });
  return [
    ...heading('Histogram of the SROI ratio (iterations per range)'),
    ...renderTable([{ header: 'Ratio' }, { header: 'Iterations', align: 'right' }, { header: '' }], rows),
  ];
}

export function formatSimulation(file: string, project: Project, run: SimulationToPrint): string {
  const title = `Monte Carlo: ${project.name}`;
  const s = run.summary;
  const seedDrawn = run.seedDrawn;
  const lines: string[] = [title, '='.repeat([...title].length)];
  lines.push(
    ...renderPairs([
      ['File', file],
      ['Iterations', formatNumber(s.iterations, 0)],
      ['Seed', `${s.seed}${seedDrawn ? ' (drawn at random: give --seed to repeat the run)' : ''}`],
      ['Currency', s.currency],
      [
        'Discount rate',
        `${formatPercent(s.settings.discountRate)} a year, year-one convention ${s.settings.yearOneConvention}`,
      ],
      ['Histogram', `${s.settings.histogramBins} bins of the ratio`],
      ['Generator', s.settings.generator],
      ['Percentiles', s.settings.percentiles],
      ['Clamping', s.settings.clamping],
    ]),
  );

  lines.push(...heading(`Assumptions drawn (${s.parameters.length})`));
  if (s.parameters.length === 0) {
    lines.push('  None: no assumption in the file carries a distribution, so every iteration gives the base case.');
    lines.push('  Add distributions under outcomes[].uncertainty (see docs/cli.md, "sroi simulate").');
  } else {
    const fraction = (field: string) => field !== 'quantity' && field !== 'proxy';
    const show = (field: string, x: number) => (fraction(field) ? formatPercent(x, 2) : formatNumber(x, 2));
    lines.push(
      ...renderTable(
        [
          { header: 'Outcome' },
          { header: 'Assumption' },
          { header: 'Distribution' },
          { header: 'Entered', align: 'right' },
          { header: 'Mean', align: 'right' },
          { header: 'SD', align: 'right' },
        ],
        s.parameters.map((p) => [
          p.outcomeName,
          FIELD_WORDS[p.field] ?? p.field,
          p.distribution,
          show(p.field, p.base),
          show(p.field, p.mean),
          show(p.field, p.sd),
        ]),
      ),
    );
  }

  lines.push(...heading(`Results (${s.currency}; ${formatNumber(s.iterations, 0)} iterations)`));
  lines.push(
    ...renderTable(
      [
        { header: 'Measure' },
        { header: 'Mean', align: 'right' },
        { header: '2.5 %', align: 'right' },
        { header: 'Median', align: 'right' },
        { header: '97.5 %', align: 'right' },
        { header: 'Base case', align: 'right' },
      ],
      [
        summaryRow('Present value (PV)', s.presentValue, s.baseCase.presentValue, money),
        summaryRow('Net present value (NPV)', s.netPresentValue, s.baseCase.netPresentValue, money),
        summaryRow('SROI ratio (PV / I)', s.ratio, s.baseCase.ratio, ratioText),
      ],
    ),
  );
  lines.push('');
  lines.push(
    ...renderPairs([
      ['Investment (the same in every iteration)', formatMoney(s.investment, s.currency)],
      [
        'P(ratio > 1)',
        s.probabilityRatioAboveOne === null
          ? 'n/a (the investment is zero, so the ratio is undefined)'
          : probability(s.probabilityRatioAboveOne),
      ],
      ['P(NPV > 0)', probability(s.probabilityNpvPositive)],
    ]),
  );
  if (s.ratio !== null && s.probabilityRatioAboveOne !== null) {
    lines.push(
      '',
      `  The ratio is above 1 : 1 in ${formatPercent(s.probabilityRatioAboveOne, 1)} of the iterations; in 95 % of them it lies between ${ratioText(s.ratio.p2_5)} and ${ratioText(s.ratio.p97_5)} (median ${ratioText(s.ratio.p50)}).`,
    );
  }

  lines.push(...histogramLines(s));

  const clamped = Object.entries(s.clamped).filter(([, n]) => n > 0);
  if (clamped.length > 0) {
    lines.push(...heading('Draws clamped to their range'));
    for (const [field, n] of clamped) {
      lines.push(
        `  ${FIELD_WORDS[field] ?? field}: ${formatNumber(n, 0)} draws (${formatPercent(n / s.iterations, 2)}) clamped; a distribution that fits the range avoids this`,
      );
    }
  }

  if (run.psa !== null) lines.push(...formatPsa(project, run.psa, s.iterations));

  lines.push(...heading('Repeat this run'), `  ${rerunCommand(file, run)}`);
  lines.push('', 'Monte Carlo runs in floating point; `sroi compute` gives the base case in exact decimals.');
  return lines.join('\n') + '\n';
}
