/**
 * `sroi simulate` end to end: each test spawns `node bin/sroi.cjs simulate ...` on a temporary copy of the W2
 * worked example with distributions added, and checks that the same seed gives the same output byte for byte,
 * another seed other numbers, that --json parses and matches the engine run in-process, that P(ratio > 1) is a
 * probability, that progress goes to standard error only, and the exit codes (electron/cli/exit-codes.ts).
 * With strategies (W2 plus three strategies with distributions and a threshold of its own), the probabilistic
 * CE results: the same numbers as the shared function the app's worker calls, for the same seed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ceac,
  defaultWtpMax,
  drawStrategies,
  simulate,
  strategyPsa,
  strategyPsaFromDraws,
} from '../../shared/engine/uncertainty';
import { parseProjectFile, type Project } from '../../shared/model';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'sroi.cjs');
const BUNDLES = [join(ROOT, 'dist', 'cli', 'sroi.cjs'), join(ROOT, 'dist', 'cli', 'simulate-worker.cjs')];
const W2 = join(ROOT, 'docs', 'examples', 'w2-street-outreach.sroi.json');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function sroi(args: string[]): Run {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SROI_DEBUG: '' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

let tmp = '';
let model = '';
let plain = '';
let withStrategies = '';

/** W2 with distributions on four assumptions of three outcomes. */
function w2WithDistributions(): Record<string, unknown> {
  const file = JSON.parse(readFileSync(W2, 'utf8'));
  const [overdose, oat, syringes] = file.project.outcomes;
  overdose.uncertainty = { quantity: { type: 'pert', min: '1', mode: '3', max: '6' } };
  oat.uncertainty = {
    proxy: { type: 'gamma', mean: '6000', se: '1500' },
    attribution: { type: 'beta', mean: '0.5', se: '0.1' },
  };
  syringes.uncertainty = { deadweight: { type: 'normal', mean: '0.5', sd: '0.3' } };
  return file;
}

/** W2 with distributions, three strategies with distributions of their own, and an own threshold chosen. */
function w2WithStrategies(): Record<string, unknown> {
  const file = w2WithDistributions() as { project: Record<string, unknown> };
  const strategy = (id: string, name: string, cost: string, effect: string, uncertainty: object) => ({
    id,
    name,
    cost,
    effect,
    notes: '',
    uncertainty,
  });
  file.project.effectUnit = 'deaths averted';
  file.project.strategies = [
    strategy('none', 'No outreach', '0', '0', {}),
    strategy('outreach', 'Street outreach', '106250', '2.1', {
      cost: { type: 'gamma', mean: '106250', se: '10000' },
      effect: { type: 'normal', mean: '2.1', sd: '0.6' },
    }),
    strategy('scale', 'Outreach and a second van', '180000', '3', {
      cost: { type: 'gamma', mean: '180000', se: '20000' },
      effect: { type: 'normal', mean: '3', sd: '0.9' },
    }),
  ];
  file.project.costEffectiveness = {
    ...(file.project.costEffectiveness as object),
    thresholds: [
      {
        id: 'board-wtp',
        label: "The board's willingness to pay",
        value: '60000',
        unit: 'death averted',
        currency: 'EUR',
        date: '2025',
        country: '',
        source: 'Board minutes, March 2025',
        sourceUrl: '',
        notes: '',
      },
    ],
    thresholdId: 'board-wtp',
  };
  return file;
}

function projectOf(file: Record<string, unknown>): Project {
  const parsed = parseProjectFile(file);
  if (!parsed.ok) throw new Error(`the test model is invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.value.project;
}

beforeAll(() => {
  const sources = Math.max(newestSource(join(ROOT, 'electron', 'cli')), newestSource(join(ROOT, 'shared')));
  if (BUNDLES.some((b) => !existsSync(b) || statSync(b).mtimeMs < sources)) {
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`build-cli failed:\n${build.stdout}\n${build.stderr}`);
  }
  tmp = mkdtempSync(join(tmpdir(), 'sroi-simulate-'));
  model = join(tmp, 'w2-mc.sroi.json');
  writeFileSync(model, JSON.stringify(w2WithDistributions(), null, 2));
  plain = join(tmp, 'w2.sroi.json');
  writeFileSync(plain, readFileSync(W2, 'utf8'));
  withStrategies = join(tmp, 'w2-strategies.sroi.json');
  writeFileSync(withStrategies, JSON.stringify(w2WithStrategies(), null, 2));
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('sroi simulate', () => {
  it('gives the same output for the same seed, byte for byte, and other numbers for another seed', () => {
    const first = sroi(['simulate', model, '--iterations', '3000', '--seed', '42']);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    const again = sroi(['simulate', model, '--iterations', '3000', '--seed', '42']);
    expect(again.stdout).toBe(first.stdout);
    const other = sroi(['simulate', model, '--iterations', '3000', '--seed', '43']);
    expect(other.code).toBe(0);
    expect(other.stdout).not.toBe(first.stdout);
    const results = (text: string) => text.slice(text.indexOf('Results ('), text.indexOf('Histogram of'));
    expect(results(first.stdout).length).toBeGreaterThan(200);
    expect(results(other.stdout)).not.toBe(results(first.stdout));

    expect(first.stdout).toContain('Monte Carlo: Street outreach and naloxone (METHOD.md W2)');
    expect(first.stdout).toMatch(/^ {2}Iterations +3,000$/m);
    expect(first.stdout).toMatch(/^ {2}Seed +42$/m);
    expect(first.stdout).toContain('Assumptions drawn (4)');
    expect(first.stdout).toMatch(
      /^ {2}SROI ratio \(PV \/ I\) +[\d.]+ : 1 +[\d.]+ : 1 +[\d.]+ : 1 +[\d.]+ : 1 +1\.70 : 1$/m,
    );
    expect(first.stdout).toMatch(/^ {2}P\(ratio > 1\) +0\.\d{4} \(\d+\.\d %\)$/m);
    expect(first.stdout).toContain('Histogram of the SROI ratio');
    expect(first.stdout).toContain(`sroi simulate ${model} --iterations 3000 --seed 42 --bins 20`);
  });

  it('prints the run settings, seed and summary as JSON, the same as the engine run in-process', () => {
    const run = sroi(['simulate', model, '--iterations', '2500', '--seed', '7', '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({
      schemaVersion: 1,
      generator: { name: 'sroi' },
      command: 'simulate',
      file: model,
      project: { id: 'w2-street-outreach', currency: 'EUR', priceYear: 2025 },
      run: { iterations: 2500, seed: 7, seedGiven: true, histogramBins: 20 },
    });
    const result = out.result;
    expect(result.status).toBe('complete');
    expect(result.seed).toBe(7);
    expect(result.iterations).toBe(2500);
    expect(result.settings.discountRate).toBe('0.035');
    expect(result.parameters).toHaveLength(4);
    expect(result.probabilityRatioAboveOne).toBeGreaterThan(0);
    expect(result.probabilityRatioAboveOne).toBeLessThan(1);
    expect(result.ratio.p2_5).toBeLessThanOrEqual(result.ratio.p50);
    expect(result.ratio.p50).toBeLessThanOrEqual(result.ratio.p97_5);
    expect(result.baseCase.ratio).toBeCloseTo(1.701057, 6);
    expect(result.ratioHistogram.bins).toHaveLength(20);
    expect('draws' in result).toBe(false);

    // The worker thread computes exactly what the engine computes on the main thread.
    const parsed = parseProjectFile(w2WithDistributions());
    if (!parsed.ok) throw new Error('the test model is invalid');
    const engine = simulate(parsed.value.project, { iterations: 2500, seed: 7, histogramBins: 20 });
    if (engine.status !== 'complete') throw new Error('not complete');
    const { draws: _draws, ...summary } = engine;
    expect(result).toEqual(JSON.parse(JSON.stringify(summary)));

    const again = sroi(['simulate', model, '--iterations', '2500', '--seed', '7', '--json']);
    expect(again.stdout).toBe(run.stdout);
  });

  it('reports progress on standard error only, and leaves standard output unchanged', () => {
    const quiet = sroi(['simulate', model, '--iterations', '2000', '--seed', '3']);
    const loud = sroi(['simulate', model, '--iterations', '2000', '--seed', '3', '--progress']);
    expect(loud.code).toBe(0);
    expect(loud.stdout).toBe(quiet.stdout);
    const lines = loud.stderr.trim().split('\n');
    expect(lines[lines.length - 1]).toBe('simulating: 2,000 of 2,000 iterations (100 %)');
    expect(lines.length).toBeGreaterThanOrEqual(2);
  });

  it('draws a seed when none is given, and says how to repeat the run', () => {
    const run = sroi(['simulate', model, '--iterations', '200', '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.run.seedGiven).toBe(false);
    expect(Number.isInteger(out.run.seed)).toBe(true);
    expect(out.run.rerun).toBe(`sroi simulate ${model} --iterations 200 --seed ${out.run.seed} --bins 20`);
    const text = sroi(['simulate', model, '--iterations', '200']);
    expect(text.stdout).toMatch(/^ {2}Seed +\d+ \(drawn at random: give --seed to repeat the run\)$/m);
  });

  it('runs a model without distributions (every iteration is the base case) and says so', () => {
    const run = sroi(['simulate', plain, '--iterations', '50', '--seed', '1', '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout).result;
    expect(result.parameters).toEqual([]);
    expect(result.ratio.p2_5).toBeCloseTo(1.701057, 6);
    expect(result.ratio.p97_5).toBeCloseTo(1.701057, 6);
    expect(result.probabilityRatioAboveOne).toBe(1);
    const text = sroi(['simulate', plain, '--iterations', '50', '--seed', '1']);
    expect(text.stdout).toContain('None: no assumption in the file carries a distribution');
  });

  describe('exit codes', () => {
    it('2 for a wrong number of iterations, a wrong seed or an unknown option', () => {
      const none = sroi(['simulate', model, '--iterations', '0', '--seed', '1']);
      expect(none.code).toBe(2);
      expect(none.stderr).toBe('sroi: --iterations must be a whole number from 1 to 1,000,000, got "0"\n');
      expect(none.stdout).toBe('');
      expect(sroi(['simulate', model, '--iterations', '1000001']).code).toBe(2);
      expect(sroi(['simulate', model, '--iterations', '2.5']).code).toBe(2);
      const seed = sroi(['simulate', model, '--seed', '4294967296']);
      expect(seed.code).toBe(2);
      expect(seed.stderr).toContain('--seed must be a whole number from 0 to 4,294,967,295');
      expect(sroi(['simulate', model, '--seed', 'abc']).code).toBe(2);
      expect(sroi(['simulate', model, '--walk']).code).toBe(2);
      expect(sroi(['simulate']).code).toBe(2);
    });

    it('3 for a file that cannot be read', () => {
      const run = sroi(['simulate', join(tmp, 'nowhere.sroi.json'), '--seed', '1']);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('no such file');
    });

    it('1 for an invalid model (a distribution the schema refuses included), with every problem listed', () => {
      const file = w2WithDistributions() as { project: { outcomes: Array<Record<string, unknown>> } };
      file.project.outcomes[1].uncertainty = { proxy: { type: 'gamma', mean: '6000', se: '-1' } };
      file.project.outcomes[0].deadweight = '1.5';
      const path = join(tmp, 'broken.sroi.json');
      writeFileSync(path, JSON.stringify(file));
      const run = sroi(['simulate', path, '--seed', '1']);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('project.outcomes[0].deadweight');
      expect(run.stderr).toContain('project.outcomes[1].uncertainty.proxy.se');
      expect(run.stderr).toContain('Nothing was simulated.');
      const json = sroi(['simulate', path, '--seed', '1', '--json']);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ command: 'validate', valid: false });
    });
  });

  describe('with strategies', () => {
    it('reports the probabilistic CE results, the same numbers as the shared function for the same seed', () => {
      const run = sroi(['simulate', withStrategies, '--iterations', '2000', '--seed', '42', '--json']);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      const out = JSON.parse(run.stdout);
      const project = projectOf(w2WithStrategies());
      // The threshold (60,000 EUR per death averted) is inside the default grid: 2 x 60,000 rounded up.
      expect(defaultWtpMax(project, 60_000)).toBe(200_000);
      expect(out.psa).toMatchObject({
        comparator: { id: 'none', name: 'No outreach', given: false },
        wtp: { max: 200_000, points: 11, maxGiven: false },
        thresholdNote: null,
      });
      const shared = strategyPsa(
        project,
        { comparatorId: 'none', wtpMax: 200_000, points: 11, scatterPoints: 0 },
        2000,
        42,
      );
      expect(out.psa.result).toEqual(JSON.parse(JSON.stringify(shared)));
      expect(out.psa.result.plane.map((s: { id: string }) => s.id)).toEqual(['outreach', 'scale']);
      expect(out.psa.result.ceac.points).toHaveLength(11);

      // The app's worker uses 101 points and keeps a scatter: the plane's figures are the same.
      const app = strategyPsa(project, { comparatorId: 'none', wtpMax: 200_000, points: 101 }, 2000, 42);
      const figures = (plane: typeof app.plane) => plane.map(({ points: _points, ...rest }) => rest);
      expect(figures(out.psa.result.plane)).toEqual(JSON.parse(JSON.stringify(figures(app.plane))));
      expect(out.psa.result.ceac.points[5].shares).toEqual(app.ceac.points[50].shares);

      // The probability of being cost-effective at the threshold.
      const draws = drawStrategies(project, 2000, 42);
      const at = ceac(draws, [60_000]).points[0];
      expect(out.psa.threshold).toMatchObject({ id: 'board-wtp', value: '60000', currency: 'EUR', lambda: 60_000 });
      expect(out.psa.threshold.strategies).toEqual([
        { id: 'none', name: 'No outreach', probabilityCostEffective: at.shares[0], expectedNmb: at.expectedNmb[0] },
        {
          id: 'outreach',
          name: 'Street outreach',
          probabilityCostEffective: at.shares[1],
          expectedNmb: at.expectedNmb[1],
        },
        {
          id: 'scale',
          name: 'Outreach and a second van',
          probabilityCostEffective: at.shares[2],
          expectedNmb: at.expectedNmb[2],
        },
      ]);
      expect(at.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(out.psa.threshold.highestExpectedNmbId).toBe(at.optimalId);
      expect(
        strategyPsaFromDraws(project, draws, { comparatorId: 'none', wtpMax: 200_000, points: 11 }).plane[0]
          .meanDeltaCost,
      ).toBe(out.psa.result.plane[0].meanDeltaCost);

      // The SROI part is untouched by the strategies.
      const engine = simulate(project, { iterations: 2000, seed: 42, histogramBins: 20 });
      if (engine.status !== 'complete') throw new Error('not complete');
      const { draws: _draws, ...summary } = engine;
      expect(out.result).toEqual(JSON.parse(JSON.stringify(summary)));
    });

    it('prints the comparison, the threshold and the acceptability curve, and repeats byte for byte', () => {
      const run = sroi(['simulate', withStrategies, '--iterations', '2000', '--seed', '42']);
      expect(run.code).toBe(0);
      const text = run.stdout;
      expect(sroi(['simulate', withStrategies, '--iterations', '2000', '--seed', '42']).stdout).toBe(text);
      expect(text).toContain('Strategies: probabilistic cost-effectiveness (3 strategies; 2,000 iterations)');
      expect(text).toMatch(
        /^ {2}Compared with +No outreach \(none\): the first strategy; --comparator ID for another$/m,
      );
      expect(text).toMatch(/^ {2}Street outreach +gamma: mean 106,250, se 10,000 +normal: mean 2\.1, sd 0\.6$/m);
      expect(text).toMatch(/^ {2}No outreach +entered value \(0\) +entered value \(0\)$/m);
      expect(text).toMatch(
        /^ {2}Street outreach +[\d,]+\.\d\d +\d\.\d{4} +[\d,]+\.\d\d EUR per deaths averted +\d+\.\d %/m,
      );
      expect(text).toContain('At the threshold "The board\'s willingness to pay": 60,000.00 EUR per death averted');
      expect(text).toMatch(/^ {2}No outreach +0\.\d{4} \(\d+\.\d %\) +0\.00$/m);
      const curve = text.slice(text.indexOf('Acceptability curve'), text.indexOf('Repeat this run'));
      const rows = curve.split('\n').filter((l) => /^ +[\d,]+\.\d\d +/.test(l));
      expect(rows).toHaveLength(11);
      expect(rows[0]).toMatch(/^ +0\.00 +100\.0 % +0\.0 % +0\.0 %$/);
      expect(rows[10]).toMatch(/^ +200,000\.00 /);
      expect(text).toContain(`sroi simulate ${withStrategies} --iterations 2000 --seed 42 --bins 20\n`);
    });

    it('takes another comparator and grid, and says so in the command that repeats the run', () => {
      const run = sroi([
        'simulate',
        withStrategies,
        '--iterations',
        '500',
        '--seed',
        '3',
        '--comparator',
        'outreach',
        '--wtp-max',
        '150000',
        '--wtp-points',
        '4',
        '--json',
      ]);
      expect(run.code).toBe(0);
      const out = JSON.parse(run.stdout);
      expect(out.psa.comparator).toEqual({ id: 'outreach', name: 'Street outreach', given: true });
      expect(out.psa.result.plane.map((s: { id: string }) => s.id)).toEqual(['none', 'scale']);
      expect(out.psa.result.ceac.points.map((p: { lambda: number }) => p.lambda)).toEqual([
        0, 50_000, 100_000, 150_000,
      ]);
      expect(out.run.rerun).toBe(
        `sroi simulate ${withStrategies} --iterations 500 --seed 3 --bins 20 --comparator outreach --wtp-max 150000 --wtp-points 4`,
      );
      const project = projectOf(w2WithStrategies());
      expect(out.psa.result).toEqual(
        JSON.parse(
          JSON.stringify(
            strategyPsa(project, { comparatorId: 'outreach', wtpMax: 150_000, points: 4, scatterPoints: 0 }, 500, 3),
          ),
        ),
      );
    });

    it('says why a threshold in another currency is not used', () => {
      const file = w2WithStrategies() as {
        project: { costEffectiveness: { thresholds: Array<{ currency: string }> } };
      };
      file.project.costEffectiveness.thresholds[0].currency = 'GBP';
      const path = join(tmp, 'gbp-threshold.sroi.json');
      writeFileSync(path, JSON.stringify(file));
      const json = JSON.parse(sroi(['simulate', path, '--iterations', '100', '--seed', '1', '--json']).stdout);
      expect(json.psa.threshold).toBeNull();
      expect(json.psa.thresholdNote).toBe(
        'the threshold "The board\'s willingness to pay" is in GBP and the strategies in EUR: not used (no silent conversion)',
      );
      const text = sroi(['simulate', path, '--iterations', '100', '--seed', '1']).stdout;
      expect(text).toContain('  Threshold: the threshold "The board\'s willingness to pay" is in GBP');
      expect(text).not.toContain('At the threshold');
    });

    it('has no strategies part for a model without strategies', () => {
      const out = JSON.parse(sroi(['simulate', model, '--iterations', '100', '--seed', '1', '--json']).stdout);
      expect(out.psa).toBeNull();
      expect(sroi(['simulate', model, '--iterations', '100', '--seed', '1']).stdout).not.toContain('Strategies:');
    });

    it('refuses a wrong comparator or grid with exit code 2, naming the option', () => {
      const unknown = sroi(['simulate', withStrategies, '--seed', '1', '--comparator', 'van']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toBe(
        'sroi: --comparator: no strategy "van" in the file; its strategies are none (No outreach), outreach (Street outreach), scale (Outreach and a second van)\n',
      );
      expect(unknown.stdout).toBe('');
      const zero = sroi(['simulate', withStrategies, '--seed', '1', '--wtp-max', '0']);
      expect(zero.code).toBe(2);
      expect(zero.stderr).toBe('sroi: --wtp-max must be a number above 0, got "0"\n');
      expect(sroi(['simulate', withStrategies, '--seed', '1', '--wtp-points', '1']).code).toBe(2);
      expect(sroi(['simulate', withStrategies, '--seed', '1', '--wtp-points', '1002']).code).toBe(2);
      const none = sroi(['simulate', model, '--seed', '1', '--comparator', 'none']);
      expect(none.code).toBe(2);
      expect(none.stderr).toContain('--comparator needs a model with two strategies or more; this one has 0');
    });
  });

  it('is listed in sroi --help', () => {
    const help = sroi(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/simulate \[options\] <file>/);
  });
});
