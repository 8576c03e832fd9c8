#!/usr/bin/env node
/**
 * Runs the desktop app unpackaged (npm start, npm run dev): points the backend at the Electron build of
 * better-sqlite3 made by scripts/native-for-electron.mjs, then starts Electron on this folder.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const binding = join(
  root,
  '.electron-native',
  'node_modules',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node',
);

let electron;
try {
  electron = require('electron');
} catch {
  electron = null;
}
if (typeof electron !== 'string' || !existsSync(electron)) {
  console.error(
    'The Electron binary is not installed (it is skipped when ELECTRON_SKIP_BINARY_DOWNLOAD=1).\n' +
      'Install it with "npm install" on a machine that can download Electron, or use the app in a browser: npm run serve',
  );
  process.exit(1);
}
if (!existsSync(binding)) {
  console.error(
    'SQLite has not been built for Electron yet: run "node scripts/native-for-electron.mjs" (npm install does it).',
  );
  process.exit(1);
}
const child = spawn(electron, [root, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, SROI_SQLITE_BINDING: binding },
});
child.on('exit', (code) => process.exit(code ?? 0));
