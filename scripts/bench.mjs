// `npm run bench`: bundles each tests/bench/*.bench.ts with esbuild and runs it in its own Node process, so
// one benchmark's warm caches and memory never flatter the next. Prints one line per figure with its target.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv[2];
const benches = readdirSync('tests/bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.includes(only))
  .sort();
const outDir = join('node_modules', '.cache', 'sroi-bench');
mkdirSync(outDir, { recursive: true });

let failures = 0;
for (const file of benches) {
  const outfile = join(outDir, file.replace(/\.ts$/, '.cjs'));
  await build({
    entryPoints: [join('tests/bench', file)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', 'playwright-core'],
    logLevel: 'warning',
  });
  const run = spawnSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit' });
  if (run.status !== 0) {
    failures++;
    console.error(`${file} failed (exit ${run.status})`);
  }
}
process.exit(failures > 0 ? 1 : 0);
