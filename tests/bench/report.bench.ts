// Report figures: the time `sroi report` takes to write a PDF, from the command line to the file (Node start,
// Chromium start, drawing the report, two print passes), for W2 (target under 5 s) and for a generated model
// of 200 outcomes over 5 years (target under 15 s); also the time to write the same report as Word.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/repo-root';
import { generatedProject } from '../support/generated-model';
import { median, report } from './measure';

const root = repoRoot();
const chromium = process.env.SROI_CHROMIUM ?? '/usr/bin/chromium';

function timeReport(model: string, args: string[]): { ms: number; pages: string } {
  const start = performance.now();
  const run = spawnSync(process.execPath, [join(root, 'bin', 'sroi.cjs'), 'report', model, ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`sroi report failed (exit ${run.status}): ${run.stderr}`);
  return { ms, pages: /: (\d+) pages/.exec(run.stdout)?.[1] ?? '?' };
}

function main(): void {
  if (!existsSync(chromium)) {
    console.log(`report: skipped (no Chromium at ${chromium}; apt-get install chromium)`);
    return;
  }
  if (!existsSync(join(root, 'dist', 'renderer', 'report.html'))) {
    const build = spawnSync('npm', ['run', '-s', 'build:renderer'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the report page could not be built (npm run build:renderer)');
  }
  const tmp = mkdtempSync(join(tmpdir(), 'sroi-report-bench-'));
  try {
    const w2 = join(root, 'docs', 'examples', 'w2-street-outreach.sroi.json');
    const big = join(tmp, 'generated-200.sroi.json');
    writeFileSync(big, JSON.stringify({ schemaVersion: 1, project: generatedProject(200, 5) }));
    const pdf = join(tmp, 'out.pdf');
    const docx = join(tmp, 'out.docx');

    timeReport(w2, ['--pdf', pdf]); // warm the disk cache: Chromium's and the bundle's files
    const w2Runs = [0, 1, 2].map(() => timeReport(w2, ['--pdf', pdf]));
    report(
      `report: W2 PDF, sroi report --pdf (median of 3, ${w2Runs[0].pages} pages)`,
      median(w2Runs.map((r) => r.ms)) / 1000,
      's',
      5,
    );
    const bigRuns = [0, 1].map(() => timeReport(big, ['--pdf', pdf]));
    report(
      `report: 200 outcomes x 5 years PDF (median of 2, ${bigRuns[0].pages} pages, ${(statSync(pdf).size / 1024 / 1024).toFixed(1)} MB)`,
      median(bigRuns.map((r) => r.ms)) / 1000,
      's',
      15,
    );
    const words = timeReport(w2, ['--docx', docx]);
    report('report: W2 Word, sroi report --docx (charts drawn in Chromium)', words.ms / 1000, 's');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
