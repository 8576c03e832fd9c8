#!/usr/bin/env node
/**
 * Bundles the command-line tool (electron/cli/sroi.ts) and everything it uses (shared/, zod, commander,
 * decimal.js) into one CommonJS file, dist/cli/sroi.cjs, so a cold start reads one file instead of resolving
 * hundreds of modules. bin/sroi.cjs (the package's `bin`) loads it.
 *
 *   node scripts/build-cli.mjs        (npm run build:cli)
 */
import { chmodSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'cli', 'sroi.cjs');

const started = performance.now();
await build({
  absWorkingDir: root,
  entryPoints: [join(root, 'electron', 'cli', 'sroi.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  banner: { js: '#!/usr/bin/env node' },
  minify: false,
  sourcemap: false,
  legalComments: 'inline',
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);

// The worker thread of `sroi simulate` (electron/cli/simulate-worker.ts), loaded from next to sroi.cjs.
await build({
  absWorkingDir: root,
  entryPoints: [join(root, 'electron', 'cli', 'simulate-worker.ts')],
  outfile: join(root, 'dist', 'cli', 'simulate-worker.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  legalComments: 'inline',
  logLevel: 'warning',
});

const kib = (statSync(outfile).size / 1024).toFixed(0);
const ms = (performance.now() - started).toFixed(0);
console.log(`built ${relative(root, outfile)} (${kib} KiB) in ${ms} ms`);
