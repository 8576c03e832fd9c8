// `sroi report FILE --xlsx OUT`: in-process through runAsync (exit codes, messages), and end to end with the
// bundled command (bin/sroi.cjs), whose workbook LibreOffice recalculates to the figures `sroi compute --json`
// prints (that part is skipped, saying why, where LibreOffice is not installed).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../electron/cli/exit-codes';
import type { CliIo } from '../../electron/cli/io';
import { runAsync } from '../../electron/cli/program';
import { SHEETS } from '../../electron/exchange/value-map-writer';
import { repoRoot } from '../support/repo-root';
import { W2_FILE } from './fixtures';
import { libreOfficeUnavailable, recalculateInLibreOffice, storedValues } from './libreoffice';

const ROOT = repoRoot();
const BIN = join(ROOT, 'bin', 'sroi.cjs');
const BUNDLE = join(ROOT, 'dist', 'cli', 'sroi.cjs');
let tmp = '';

function capture(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env: {},
    stdout: () => out,
    stderr: () => err,
  };
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

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'sroi-cli-xlsx-'));
});
afterAll(() => {
  if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
});

describe('sroi report --xlsx, in process', () => {
  it('writes the workbook of W2 and says what it wrote', async () => {
    const io = capture();
    const out = join(tmp, 'w2.xlsx');
    expect(await runAsync(['node', 'sroi', 'report', W2_FILE, '--xlsx', out], io)).toBe(ExitCode.Ok);
    expect(io.stderr()).toBe('');
    expect(io.stdout()).toBe(
      `wrote ${out}: sheets "Value Map" (4 outcomes, years 1 to 5, live formulas), "Inputs by funder", "Outputs by month", "About".\n`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    const ratio = workbook.getWorksheet(SHEETS.valueMap)!.getCell('E7').value as { formula: string; result: number };
    expect(ratio.formula).toBe('IF(E5>0,E4/E5,"n/a")');
    expect(ratio.result.toFixed(6)).toBe('1.701057');
  });

  it('lists the problems of an invalid model and writes nothing (exit 1)', async () => {
    const model = JSON.parse(readFileSync(W2_FILE, 'utf8'));
    model.project.outcomes[0].deadweight = '1.5';
    const file = join(tmp, 'invalid.sroi.json');
    writeFileSync(file, JSON.stringify(model));
    const out = join(tmp, 'invalid.xlsx');
    const io = capture();
    expect(await runAsync(['node', 'sroi', 'report', file, '--xlsx', out], io)).toBe(ExitCode.InvalidModel);
    expect(io.stderr()).toContain('project.outcomes[0].deadweight: must be between 0 % and 100 %');
    expect(io.stderr()).toContain('Nothing was written.');
    expect(existsSync(out)).toBe(false);
  });

  it('asks what to write when no format is given (exit 2), and says when OUT cannot be written (exit 3)', async () => {
    const io = capture();
    expect(await runAsync(['node', 'sroi', 'report', W2_FILE], io)).toBe(ExitCode.Usage);
    expect(io.stderr()).toMatch(
      /^sroi: report: say what to write, e\.g\. "sroi report model\.sroi\.json --\w+ report\.\w+".*--xlsx/,
    );
    const io2 = capture();
    const out = join(tmp, 'no-such-folder', 'w2.xlsx');
    expect(await runAsync(['node', 'sroi', 'report', W2_FILE, '--xlsx', out], io2)).toBe(ExitCode.FileUnreadable);
    expect(io2.stderr()).toMatch(/^sroi: .*the folder .*does not exist\n$/);
  });

  it('runs the other commands unchanged (compute, through runAsync)', async () => {
    const io = capture();
    expect(await runAsync(['node', 'sroi', 'compute', W2_FILE, '--json'], io)).toBe(ExitCode.Ok);
    expect(JSON.parse(io.stdout()).result.presentValue.value).toMatch(/^180737\.34924009/);
  });
});

describe('bin/sroi.cjs report --xlsx', () => {
  beforeAll(() => {
    const sources = Math.max(
      newestSource(join(ROOT, 'electron', 'cli')),
      newestSource(join(ROOT, 'electron', 'exchange')),
      newestSource(join(ROOT, 'shared')),
    );
    if (!existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < sources) {
      const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      if (build.status !== 0) throw new Error(`build-cli failed:\n${build.stdout}\n${build.stderr}`);
    }
  });

  const sroi = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });

  it('documents --xlsx in its help', () => {
    const help = sroi(['report', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--xlsx <out>');
  });

  const skip = libreOfficeUnavailable();
  it.skipIf(skip !== null)(
    `writes a workbook that LibreOffice recalculates to the figures of "sroi compute --json"${skip ? ` (skipped: ${skip})` : ''}`,
    async () => {
      const out = join(tmp, 'bundle-w2.xlsx');
      const run = sroi(['report', W2_FILE, '--xlsx', out]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const computed = JSON.parse(sroi(['compute', W2_FILE, '--json']).stdout).result;
      const values = await storedValues(recalculateInLibreOffice(readFileSync(out)), SHEETS.valueMap, ['E4', 'E7']);
      expect(Number(values.get('E4')).toFixed(2)).toBe(Number(computed.presentValue.value).toFixed(2));
      expect(Number(values.get('E7')).toFixed(6)).toBe(Number(computed.ratio.value).toFixed(6));
    },
  );
});
