/**
 * The `sroi` command line end to end: each test spawns `node bin/sroi.cjs ...` as a user or a script would,
 * on the W2 worked example of METHOD.md and on broken model files written to a temporary folder, and checks
 * the output and the exit code (electron/cli/exit-codes.ts).
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'sroi.cjs');
const BUNDLE = join(ROOT, 'dist', 'cli', 'sroi.cjs');
const W2 = 'docs/examples/w2-street-outreach.sroi.json';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function sroi(args: string[], env: Record<string, string> = {}): Run {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SROI_DEBUG: '', ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Newest modification time of the sources the bundle is built from. */
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

/** Write a model file into the temporary folder and return its path. */
function writeModel(name: string, content: string): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

type RawModel = { project: Record<string, unknown> & { outcomes: Array<Record<string, unknown>> } };

/** W2 with some fields changed, as JSON text. */
function w2With(change: (file: RawModel) => void): string {
  const file = JSON.parse(readFileSync(join(ROOT, W2), 'utf8'));
  change(file);
  return JSON.stringify(file, null, 2);
}

beforeAll(() => {
  // Build the bundle when it is missing or older than its sources, so the tests never run stale code.
  const sources = Math.max(newestSource(join(ROOT, 'electron', 'cli')), newestSource(join(ROOT, 'shared')));
  if (!existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < sources) {
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`build-cli failed:\n${build.stdout}\n${build.stderr}`);
  }
  tmp = mkdtempSync(join(tmpdir(), 'sroi-cli-'));
});

afterAll(() => {
  if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
});

describe('sroi compute', () => {
  it('prints the W2 report with the ratio, the present value and the other headline figures', () => {
    const run = sroi(['compute', W2]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('Street outreach and naloxone (METHOD.md W2)');
    expect(out).toContain('1.70 : 1');
    expect(out).toContain('180,737.35');
    expect(out).toMatch(/Investment \(I\)\s+106,250\.00 EUR/);
    expect(out).toMatch(/Net present value \(NPV = PV - I\)\s+74,487\.35 EUR/);
    expect(out).toMatch(/Net SROI ratio.*0\.70 : 1/);
    expect(out).toMatch(/Undiscounted value\s+194,387\.50 EUR/);
    expect(out).toMatch(/Payback \(Guide formula\)\s+18\.70 months/);
    expect(out).toMatch(/Payback \(discounted\)\s+20\.76 months/);
    expect(out).toContain('guide (year 1 discounted one period');
    expect(out).toContain('Discount rate        3.5 % a year');
  });

  it('shows the investment by stakeholder and by kind, and one table per outcome', () => {
    const out = sroi(['compute', W2]).stdout;
    expect(out).toMatch(/Municipality\s+80,000\.00\s+75\.3 %/);
    expect(out).toMatch(/Volunteer time\s+14,250\.00\s+13\.4 %/);
    expect(out).toContain('Outcome 2: Retained in opioid agonist treatment');
    expect(out).toMatch(/Stakeholder\s+People who use drugs/);
    expect(out).toMatch(/Present value\s+112,043\.10 EUR/);
    expect(out).toMatch(/Share of value\s+62\.0 %/);
    expect(out).toMatch(/Present value\s+-1,932\.37 EUR/);
  });

  it('states the switching values in words, and never a negative proxy for an outcome that cannot switch', () => {
    const out = sroi(['compute', W2]).stdout;
    expect(out).toContain(
      'Retained in opioid agonist treatment: the proxy could fall to 2,011.14 EUR (x 0.3352) and the ratio stay at 1 : 1',
    );
    expect(out).toMatch(/Overdose deaths averted: cannot reach 1 : 1 through this outcome/);
    expect(out).toMatch(/Fewer discarded syringes near homes: cannot reach 1 : 1 through this outcome/);
    expect(out).toContain('Nuisance displaced to a nearby street: the disbenefit would have to be 39.5 times larger');
  });

  it('lists the value by year and the guard-rail warnings', () => {
    const out = sroi(['compute', W2]).stdout;
    expect(out).toMatch(/\n {2}2\s+59,250\.00\s+1\.071225\s+55,310\.51/);
    expect(out).toMatch(/\[MATERIAL_OUTCOME\] outcomes\[1\]: "Retained in opioid agonist treatment" is 62 %/);
  });

  it('--json prints the full result with full-precision decimal strings, explanations and the file path', () => {
    const run = sroi(['compute', W2, '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.schemaVersion).toBe(1);
    expect(json.command).toBe('compute');
    expect(json.file).toBe(W2);
    expect(json.overrides).toEqual([]);
    expect(typeof json.result.ratio.value).toBe('string');
    expect(json.result.ratio.value.startsWith('1.701057')).toBe(true);
    expect(json.result.presentValue.value.startsWith('180737.34924')).toBe(true);
    expect(json.result.netPresentValue.value.startsWith('74487.34924')).toBe(true);
    expect(json.result.investment.total.value).toBe('106250');
    expect(json.result.ratio.explain.formula).toBe('SROI ratio = PV / Investment');
    expect(json.result.outcomes[1].switching.rawMultiplier.startsWith('0.33519')).toBe(true);
    expect(json.result.warnings[0].code).toBe('MATERIAL_OUTCOME');
  });

  it('--year0 overrides the year-one convention for this run only', () => {
    const table = sroi(['compute', W2, '--year0']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Present value \(PV\)\s+187,063\.16 EUR/);
    expect(table.stdout).toContain('set by --year0 for this run, the file says guide');
    const json = JSON.parse(sroi(['compute', W2, '--json', '--year0']).stdout);
    expect(json.result.ratio.value.startsWith('1.760594')).toBe(true);
    expect(json.result.settings.yearOneConvention).toBe('year0');
    expect(json.overrides).toEqual([
      { option: '--year0', setting: 'settings.yearOneConvention', inFile: 'guide', used: 'year0' },
    ]);
  });

  it('says "n/a" with the reason when there is no investment', () => {
    const path = writeModel(
      'no-inputs.sroi.json',
      w2With((f) => {
        f.project.inputs = [];
      }),
    );
    const run = sroi(['compute', path]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/SROI ratio \(PV \/ I\)\s+n\/a \(the investment is zero, so the ratio is undefined\)/);
    expect(run.stdout).not.toMatch(/Infinity|NaN/);
    expect(run.stdout).toContain('[ZERO_INVESTMENT]');
  });

  it('refuses an invalid model with exit 1, the problems on stderr and nothing on stdout', () => {
    const path = writeModel(
      'bad-compute.sroi.json',
      w2With((f) => {
        f.project.outcomes[0].deadweight = '1.5';
      }),
    );
    const run = sroi(['compute', path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('project.outcomes[0].deadweight: must be between 0 % and 100 %');
  });
});

describe('sroi validate', () => {
  it('exits 0 for W2 and lists its warnings apart from problems', () => {
    const run = sroi(['validate', W2]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${W2} is a valid model`);
    expect(run.stdout).toContain('Warnings (1): guard-rails to check, not errors');
    expect(run.stdout).toContain('[MATERIAL_OUTCOME]');
  });

  it('names every problem by path (and in words) and exits 1: deadweight "1.5" and a negative quantity', () => {
    const path = writeModel(
      'bad.sroi.json',
      w2With((f) => {
        f.project.outcomes[0].deadweight = '1.5';
        f.project.outcomes[1].quantity = '-3';
      }),
    );
    const run = sroi(['validate', path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('2 problems');
    expect(run.stdout).toContain('project.outcomes[0].deadweight: must be between 0 % and 100 %');
    expect(run.stdout).toContain('project.outcomes[1].quantity: cannot be negative');
    expect(run.stdout).toContain('where: outcome 1 "Overdose deaths averted", deadweight');
    expect(run.stdout).toContain('where: outcome 2 "Retained in opioid agonist treatment", quantity');

    const json = sroi(['validate', path, '--json']);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.valid).toBe(false);
    expect(parsed.problems.map((p: { path: string }) => p.path)).toEqual([
      'project.outcomes[0].deadweight',
      'project.outcomes[1].quantity',
    ]);
  });

  it('--json of a valid model has valid: true, no problems and the warnings', () => {
    const run = sroi(['validate', W2, '--json']);
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout);
    expect(parsed).toMatchObject({ schemaVersion: 1, command: 'validate', file: W2, valid: true, problems: [] });
    expect(parsed.warnings).toHaveLength(1);
  });
});

describe('files that cannot be read (exit 3)', () => {
  it('a missing file', () => {
    const path = join(tmp, 'does-not-exist.sroi.json');
    const run = sroi(['compute', path]);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`cannot read ${path}: no such file`);
  });

  it('a file that is not JSON, with the line, column and position of the error', () => {
    const path = writeModel('broken.sroi.json', '{\n  "schemaVersion": 1,\n  "project": { "name": tru }\n}\n');
    const run = sroi(['validate', path]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${path} is not JSON: at line 3, column 24 (position 47)`);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('a trailing comma, an empty file and a folder', () => {
    const comma = writeModel('comma.sroi.json', '{"schemaVersion": 1,}');
    expect(sroi(['compute', comma]).stderr).toContain('a trailing comma');
    const empty = writeModel('empty.sroi.json', '');
    const run = sroi(['compute', empty]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('the file is empty');
    const folder = join(tmp, 'a-folder.sroi.json');
    mkdirSync(folder, { recursive: true });
    expect(sroi(['compute', folder]).code).toBe(3);
  });
});

describe('usage errors (exit 2)', () => {
  it.each([
    [['compute', W2, '--bogus'], "unknown option '--bogus'"],
    [['compute'], "missing required argument 'file'"],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['schema', 'extra'], 'too many arguments'],
  ])('sroi %j', (args, message) => {
    const run = sroi(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('no command at all prints the help on stderr and exits 2', () => {
    const run = sroi([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: sroi');
  });

  it('--help exits 0 and documents every exit code', () => {
    const run = sroi(['--help']);
    expect(run.code).toBe(0);
    for (const code of ['0', '1', '2', '3', '4']) expect(run.stdout).toMatch(new RegExp(`\\n {2}${code} {2}\\S`));
  });
});

describe('sroi schema', () => {
  it('prints a JSON Schema of the model file', () => {
    const run = sroi(['schema']);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('SROI Studio project file');
    expect(run.stdout).toContain('"deadweight"');
  });

  it('is what docs/sroi-project.schema.json publishes (regenerate it with `npm run schema:json`)', () => {
    const published = readFileSync(join(ROOT, 'docs', 'sroi-project.schema.json'), 'utf8');
    expect(published).toBe(sroi(['schema']).stdout);
  });
});

describe('bin/sroi.cjs', () => {
  it('says to build first, and exits 4, when the bundle is missing', () => {
    const fakeRoot = join(tmp, 'unbuilt');
    mkdirSync(join(fakeRoot, 'bin'), { recursive: true });
    copyFileSync(BIN, join(fakeRoot, 'bin', 'sroi.cjs'));
    const run = spawnSync(process.execPath, [join(fakeRoot, 'bin', 'sroi.cjs'), 'compute', W2], { encoding: 'utf8' });
    expect(run.status).toBe(4);
    expect(run.stderr).toBe('Run "npm run build:cli" first.\n');
  });
});
