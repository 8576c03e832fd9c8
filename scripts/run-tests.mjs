// `npm test`: runs every vitest suite (engine, CLI, store, end-to-end, ...) once and ends with the plain line
// "N passed, N failed, N skipped" that CI reads. The count comes from vitest's own JSON report, so it is
// exactly the number of tests that ran, not a number this script keeps.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const resultsDir = 'test-results';
const reportFile = join(resultsDir, 'vitest.json');
mkdirSync(resultsDir, { recursive: true });
rmSync(reportFile, { force: true });

const extraArgs = process.argv.slice(2);
const run = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile}`,
    ...extraArgs,
  ],
  { stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests;
  skipped = report.numPendingTests + report.numTodoTests;
  // A suite that fails to load (syntax error, missing module) has no tests to count: count it as a failure.
  failed += report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
} catch {
  failed += 1;
  console.error(`Could not read ${reportFile}: vitest did not finish (exit ${run.status}).`);
}
const summary = `${passed} passed, ${failed} failed, ${skipped} skipped`;
writeFileSync(join(resultsDir, 'summary.txt'), `${summary}\n`);
console.log(summary);
process.exit(failed > 0 || run.status !== 0 ? 1 : 0);
