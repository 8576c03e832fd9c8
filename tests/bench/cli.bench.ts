// CLI cold start: `sroi compute` on W2 in a fresh Node process each time (target: median under 300 ms).
import { spawnSync } from 'node:child_process';
import { median, report } from './measure';

const times: number[] = [];
for (let i = 0; i < 15; i++) {
  const start = performance.now();
  const run = spawnSync(
    process.execPath,
    ['bin/sroi.cjs', 'compute', 'docs/examples/w2-street-outreach.sroi.json', '--json'],
    {
      encoding: 'utf8',
    },
  );
  times.push(performance.now() - start);
  if (run.status !== 0) throw new Error(`sroi compute failed: ${run.stderr}`);
}
report('cli: sroi compute W2 --json, cold start (median of 15)', median(times), 'ms', 300);
