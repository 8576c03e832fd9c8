#!/usr/bin/env node
/**
 * Bundles the Node-side entry points with esbuild:
 *   dist/node/serve.cjs        browser mode (npm run serve)
 *   dist/electron/main.cjs     the Electron main process
 *   dist/electron/preload.cjs  the sandboxed preload (must be one file: a sandboxed preload cannot require)
 * better-sqlite3 stays external (a native module, unpacked from the ASAR by electron-builder) and so does
 * electron itself.
 *
 *   node scripts/build-node.mjs [serve|electron]   (all when no target is named)
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const only = process.argv[2];

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['better-sqlite3', 'electron'],
  define: { __APP_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
};

const targets = {
  serve: [{ entryPoints: ['electron/serve/main.ts'], outfile: 'dist/node/serve.cjs' }],
  electron: [
    { entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs' },
    { entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs' },
  ],
};

for (const [name, entries] of Object.entries(targets)) {
  if (only && only !== name) continue;
  for (const entry of entries) await build({ ...common, ...entry });
  console.log(`built ${name}: ${entries.map((e) => e.outfile).join(', ')}`);
}
